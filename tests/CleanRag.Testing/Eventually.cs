namespace CleanRag.Testing;

/// <summary>Waits for asynchronous effects (projections, consumers) without fixed sleeps.</summary>
public static class Eventually
{
    /// <param name="describe">What to add to the timeout's message: the state that explains why the effect never came.</param>
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, TimeSpan? timeout = null, string? what = null, Func<Task<string>>? describe = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await probe();
            if (value is not null)
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting for {what ?? typeof(T).Name}." + (describe is null ? "" : $" {await describe()}"));
            await Task.Delay(100);
        }
    }

    public static async Task IsTrueAsync(Func<Task<bool>> probe, TimeSpan? timeout = null, string? what = null, Func<Task<string>>? describe = null) =>
        await GetAsync<object>(async () => await probe() ? true : null, timeout, what, describe);
}
