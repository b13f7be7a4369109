using CleanRag.Application.Common.Exceptions;

namespace CleanRag.Application.Common;

/// <summary>
/// The one policy for losing an optimistic-concurrency race: start the whole change again from the stored state, a
/// few times, after a short random pause (two writers that retried in lockstep would collide again). Used for commands
/// marked <see cref="IRetryOnConcurrencyConflict"/>, the chat's recording of a turn and event reactions.
/// </summary>
public static class ConcurrencyRetry
{
    public const int Attempts = 5;

    public static async Task<T> RunAsync<T>(Func<int, Task<T>> attempt, Action beforeRetry, CancellationToken cancellationToken)
    {
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt(number);
            }
            catch (ConcurrencyConflictException) when (number < Attempts)
            {
                beforeRetry();
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * number)), cancellationToken);
            }
        }
    }
}

/// <summary>
/// A command that is safe to run again from scratch when another writer changed the same aggregate first (it
/// decides from the current state, so the retry decides correctly). Others answer 409 concurrency_conflict.
/// </summary>
public interface IRetryOnConcurrencyConflict;
