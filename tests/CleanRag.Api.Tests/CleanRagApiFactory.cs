using CleanRag.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CleanRag.Api.Tests;

/// <summary>
/// The real API on its own PostgreSQL database and RabbitMQ vhost (<paramref name="target"/>, created by
/// build/setup.sh). A second host needs a target of its own: the embedded search index lives in one process.
/// </summary>
public sealed class CleanRagApiFactory(Action<IWebHostBuilder>? configure = null, string target = "api") : WebApplicationFactory<Program>
{
    private readonly Action<IWebHostBuilder>? _configure = configure;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in TestServices.Configuration(target))
            builder.UseSetting(key, value);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        _configure?.Invoke(builder);
    }
}

/// <summary>One API instance shared by the tests of this assembly.</summary>
[SetUpFixture]
public sealed class ApiHost
{
    public static CleanRagApiFactory Factory { get; private set; } = null!;

    [OneTimeSetUp]
    public void Start() => Factory = new CleanRagApiFactory();

    [OneTimeTearDown]
    public async Task StopAsync() => await Factory.DisposeAsync();
}
