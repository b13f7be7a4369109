using System.Net;
using CleanRag.Testing;
using Microsoft.AspNetCore.Builder;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Hosting;

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
        foreach (var (key, value) in WebhookTestSettings.Concat(LoginLockoutTestSettings).Concat(PlanTestSettings))
            builder.UseSetting(key, value);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestClientAddress>());
        // Start-up waits for the bus, so disposing a short-lived instance stops it. Otherwise a bus still starting
        // when its host is disposed ("Failed to stop bus ... Not Started") lingers on the shared vhost, takes
        // messages and faults them into _error with ObjectDisposedException (seen with the second instances of
        // the health and error tests).
        builder.ConfigureServices(services => services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true));
        _configure?.Invoke(builder);
    }

    /// <summary>
    /// A second instance on the shared "api" target that only answers HTTP, for a test that needs other settings on the
    /// same database. It runs no background work: no daemon (the shared host forwards every event), no bus consumers, no
    /// index sweeps. A full second instance competed for the shared host's messages, and its start-up sweeps opened the
    /// shared host's project indexes in a second search index of the same process (holding their write locks) and queued
    /// re-ingestion of documents the shared host was still committing.
    /// </summary>
    public static CleanRagApiFactory HttpOnly(Action<IWebHostBuilder>? configure = null) => new(builder =>
    {
        builder.UseSetting("Persistence:RunDaemon", "false");
        builder.ConfigureTestServices(services => // after the application's own registrations
        {
            services.RemoveMassTransitHostedService();
            foreach (var backgroundWork in services.Where(IsInfrastructureBackgroundWork).ToList())
                services.Remove(backgroundWork);
        });
        configure?.Invoke(builder);
    });

    private static bool IsInfrastructureBackgroundWork(ServiceDescriptor service) =>
        service is { IsKeyedService: false } && service.ServiceType == typeof(IHostedService) &&
        (service.ImplementationType ?? service.ImplementationFactory?.Method.DeclaringType)?.Assembly == typeof(Infrastructure.DependencyInjection).Assembly;

    /// <summary>
    /// Webhooks to the tests' local receiver (plain http on 127.0.0.1) with a retry schedule of seconds. Harmless to
    /// other tests: nothing else subscribes webhooks, and other loopback hosts stay refused.
    /// </summary>
    internal static readonly Dictionary<string, string> WebhookTestSettings = new()
    {
        ["Webhooks:AllowHttp"] = "true",
        ["Webhooks:AllowedHosts:0"] = "127.0.0.1",
        ["Webhooks:RetryDelays:0"] = "00:00:01",
        ["Webhooks:RetryDelays:1"] = "00:00:02",
        ["Webhooks:RetryDelays:2"] = "00:00:02",
        ["Webhooks:RetryDelays:3"] = "00:00:02",
        ["Webhooks:RetryDelays:4"] = "00:00:02",
        ["Webhooks:Timeout"] = "00:00:05",
        ["Webhooks:AutoDisableAfterConsecutiveFailures"] = "3",
        ["Webhooks:SweepInterval"] = "00:00:00.200",
        ["Webhooks:DispatchLease"] = "00:00:03",
    };

    /// <summary>
    /// The free plan with limits a test reaches in a few requests. Companies keep the default plan (business: every feature,
    /// no limits), as before plans existed; plan tests move a company to free or pro with the operator command.
    /// </summary>
    private static readonly Dictionary<string, string> PlanTestSettings = new()
    {
        ["Plans:Definitions:free:Limits:Documents"] = "2",
        ["Plans:Definitions:free:Limits:StorageMegabytes"] = "1",
        ["Plans:Definitions:free:Limits:MessagesPerMonth"] = "2",
    };

    /// <summary>Log-in locks of seconds, and a per-address limit a test can reach.</summary>
    private static readonly Dictionary<string, string> LoginLockoutTestSettings = new()
    {
        ["Auth:Lockout:ClientFailures"] = "8",
        ["Auth:Lockout:FirstLock"] = "00:00:05",
        ["Auth:Lockout:MaxLock"] = "00:00:30",
        ["Auth:Lockout:FailureMemory"] = "00:02:00",
    };
}

/// <summary>
/// Requests through the test server have no remote address. One that names an address in <see cref="Header"/>
/// comes from there, so log-in throttling per address can be tested without tests locking each other out.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                context.Connection.RemoteIpAddress = address;
            return nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>One API instance shared by the tests of this assembly.</summary>
[SetUpFixture]
public sealed class ApiHost
{
    public static CleanRagApiFactory Factory { get; private set; } = null!;

    [OneTimeSetUp]
    public void Start() => Factory = new CleanRagApiFactory();

    /// <summary>Stops the API and starts a new instance on the same database, broker and data directory, as a redeploy would.</summary>
    public static async Task RestartAsync(Func<Task>? whileStopped = null)
    {
        await Factory.DisposeAsync();
        if (whileStopped is not null)
            await whileStopped();
        Factory = new CleanRagApiFactory();
        _ = Factory.Server; // start it now, not at the first request
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await Factory.DisposeAsync();
}
