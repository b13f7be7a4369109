using System.Diagnostics;
using CleanRag.Testing;

namespace CleanRag.Api.Tests.Faults;

/// <summary>
/// The API as its own operating-system process (the build output of src/Api), on a test target's database, broker and
/// data directory, so a test can kill it with SIGKILL: no shutdown code runs, as when a machine loses power.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ApiProcess(Process process, string url) => (_process, Url) = (process, url);

    public string Url { get; }

    public static async Task<ApiProcess> StartAsync(string target, IReadOnlyDictionary<string, string>? settings = null)
    {
        var url = $"http://127.0.0.1:{LocalPorts.Free()}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(ApiAssembly());
        start.Environment["ASPNETCORE_URLS"] = url;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        foreach (var (key, value) in TestServices.Configuration(target).Concat(settings?.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)) ?? []))
            start.Environment[key.Replace(":", "__")] = value;
        var process = Process.Start(start)!;
        // Drained so a chatty process never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var api = new ApiProcess(process, url);
        using var client = api.Client();
        await Eventually.IsTrueAsync(async () =>
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The API process exited with {process.ExitCode} before it was ready.");
            try
            {
                return (await client.GetAsync("/health/ready")).IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(90), "the API process to be ready");
        return api;
    }

    public HttpClient Client() => new() { BaseAddress = new Uri(Url) };

    /// <summary>SIGKILL: the process ends at once, in the middle of whatever it was doing.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            await KillAsync();
        _process.Dispose();
    }

    /// <summary>src/Api's build output in the configuration these tests were built in.</summary>
    private static string ApiAssembly()
    {
        var configuration = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(typeof(ApiProcess).Assembly.Location))!);
        var path = Path.Combine(TestServices.RepositoryRoot, "src", "Api", "bin", configuration, "net10.0", "CleanRag.Api.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build src/Api first: {path} is missing.");
    }
}
