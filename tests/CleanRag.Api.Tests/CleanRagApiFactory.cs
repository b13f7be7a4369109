using CleanRag.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CleanRag.Api.Tests;

/// <summary>The real API on this assembly's own PostgreSQL database and RabbitMQ vhost.</summary>
public sealed class CleanRagApiFactory : WebApplicationFactory<Program>
{
    private readonly Action<IWebHostBuilder>? _configure;

    public CleanRagApiFactory(Action<IWebHostBuilder>? configure = null) => _configure = configure;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in TestServices.Configuration("api"))
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
