using System.Diagnostics;

namespace CleanRag.Testing;

/// <summary>
/// Where the real PostgreSQL and RabbitMQ of this checkout are (started by build/setup.sh). Values
/// come from the environment that build/env.sh exports; when a test runner was started without it,
/// they are read by sourcing build/env.sh. Each test assembly gets its own database and vhost, since
/// dotnet test runs assemblies in parallel.
/// </summary>
public static class TestServices
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Environment = new(LoadEnvironment);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Settings for a host under test, in IConfiguration's key format.</summary>
    public static Dictionary<string, string?> Configuration(string target) => new()
    {
        ["ConnectionStrings:Postgres"] = PostgresConnectionString(target),
        ["RabbitMq:Host"] = "127.0.0.1",
        ["RabbitMq:Port"] = Get("CLEANRAG_AMQP_PORT"),
        ["RabbitMq:VirtualHost"] = $"cleanrag_test_{target}",
        ["RabbitMq:Username"] = Get("CLEANRAG_AMQP_USER"),
        ["RabbitMq:Password"] = Get("CLEANRAG_AMQP_PASSWORD"),
        ["RabbitMq:ConsumerRetryLimit"] = "2",
        ["Data:Directory"] = DataDirectory(target),
        // Test hosts embed by hashing: instant and deterministic. The local model has its own test host (api_local_model).
        ["AI:Embeddings:Provider"] = "hashing",
    };

    /// <summary>
    /// The data directory (blobs, indexes, keys) of a test target. It lives as long as the target's database (in this
    /// checkout's state directory), since the API checks its index against the database's documents at start-up and
    /// would otherwise index every document of earlier runs again.
    /// </summary>
    public static string DataDirectory(string target) => Path.Combine(Get("CLEANRAG_STATE_DIR"), "test-data", target);

    /// <summary>The shared datasets folder (../shared/datasets from the repository), or null when absent.</summary>
    public static string? DatasetsDirectory()
    {
        var path = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "datasets"));
        return Directory.Exists(path) ? path : null;
    }

    /// <summary>Stops and restarts this checkout's RabbitMQ application (connections drop, durable queues stay).</summary>
    public static void RestartBroker() => RunBuildScript("restart-rabbitmq.sh");

    /// <summary>Runs a script of build/ to its end; one that fails throws with what it wrote to stderr.</summary>
    public static void RunBuildScript(string name, params string[] arguments)
    {
        var script = Path.Combine(RepositoryRoot, "build", name);
        using var process = Process.Start(new ProcessStartInfo("bash", [script, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        _ = process.StandardOutput.ReadToEndAsync(); // drained, so a chatty script never blocks on a full pipe
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"build/{name} {string.Join(' ', arguments)} failed ({process.ExitCode}): {errors}");
    }

    public static string PostgresConnectionString(string target) =>
        $"Host=127.0.0.1;Port={Get("CLEANRAG_PG_PORT")};Database={Get("CLEANRAG_DB_NAME")}_test_{target};" +
        $"Username={Get("CLEANRAG_DB_USER")};Password={Get("CLEANRAG_DB_PASSWORD")}";

    public static string Get(string name) =>
        Environment.Value.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. Start the services with build/setup.sh and run tests with build/test.sh.");

    private static IReadOnlyDictionary<string, string> LoadEnvironment()
    {
        var variables = System.Environment.GetEnvironmentVariables()
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
        if (variables.ContainsKey("CLEANRAG_PG_PORT"))
            return variables;

        var script = Path.Combine(RepositoryRoot, "build", "env.sh");
        var start = new ProcessStartInfo("bash", ["-c", $"source '{script}' && env"]) { RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        foreach (var line in output.Split('\n'))
        {
            var separator = line.IndexOf('=');
            if (separator > 0 && line.StartsWith("CLEANRAG_", StringComparison.Ordinal))
                variables[line[..separator]] = line[(separator + 1)..];
        }
        return variables;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CleanRag.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Could not find CleanRag.sln above the test binaries.");
    }
}
