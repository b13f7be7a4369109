using CleanRag.Testing;

namespace CleanRag.Api.Tests.Faults;

/// <summary>
/// A new, empty PostgreSQL cluster of one test's own (build/private-postgres.sh): the test may restart it without cutting
/// the other test assemblies off the checkout's cluster. Disposing stops it and deletes its files; a cluster left by a
/// test run that crashed is removed by the next start in the same directory.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private const string Script = "private-postgres.sh";
    private readonly string _directory;
    private readonly int _port;

    private PrivatePostgres(string directory, int port) => (_directory, _port) = (directory, port);

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={_port};Database={TestServices.Get("CLEANRAG_DB_NAME")};" +
        $"Username={TestServices.Get("CLEANRAG_DB_USER")};Password={TestServices.Get("CLEANRAG_DB_PASSWORD")}";

    public static async Task<PrivatePostgres> StartAsync(string directory)
    {
        var port = LocalPorts.Free();
        await Task.Run(() => TestServices.RunBuildScript(Script, "start", directory, port.ToString()));
        return new PrivatePostgres(directory, port);
    }

    /// <summary>A fast shutdown (open sessions are cut), two seconds down, then up again.</summary>
    public Task RestartAsync() => Task.Run(() => TestServices.RunBuildScript(Script, "restart", _directory));

    public async ValueTask DisposeAsync() => await Task.Run(() => TestServices.RunBuildScript(Script, "stop", _directory));
}
