using CleanRag.Application;
using CleanRag.Application.Common;
using CleanRag.Infrastructure.Tests.Messaging;
using CleanRag.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CleanRag.Infrastructure.Tests;

/// <summary>
/// One host for the whole assembly, wired like the API (application + infrastructure + mediator) on
/// the real PostgreSQL database and RabbitMQ vhost of this test assembly, plus probe consumers.
/// </summary>
[SetUpFixture]
public sealed class InfrastructureHost
{
    public static IHost Host { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(TestServices.Configuration("infrastructure"));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddApplication();
        builder.Services.AddInfrastructure(builder.Configuration, bus =>
        {
            bus.AddConsumer<ProjectCreatedProbe>();
            bus.AddConsumer<ProjectRenamedCounter>();
        });
        builder.Services.AddMediator(options => options.ServiceLifetime = ServiceLifetime.Scoped);
        Host = builder.Build();
        await Host.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }

    /// <summary>A DI scope acting as <paramref name="userId"/> of company <paramref name="tenantId"/>.</summary>
    public static AsyncServiceScope ScopeFor(Guid tenantId, Guid? userId = null)
    {
        var scope = Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().Set(tenantId, userId ?? Guid.NewGuid());
        return scope;
    }
}
