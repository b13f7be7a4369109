using CleanRag.Application;
using CleanRag.Application.Auth.SignUp;
using CleanRag.Application.Common;
using CleanRag.Application.Companies.CreateCompany;
using CleanRag.Application.Plans;
using CleanRag.Domain.Companies;
using Mediator;
using CleanRag.Infrastructure.Messaging;
using CleanRag.Infrastructure.Tests.Messaging;
using CleanRag.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CleanRag.Infrastructure.Tests;

/// <summary>
/// One host for the whole assembly, wired like the API (application + infrastructure + mediator) on
/// the real PostgreSQL database and RabbitMQ vhost of this test assembly, plus a probe consumer and a test handler.
/// Started by the first test that needs it, so tests of pure components run without the services.
/// </summary>
[SetUpFixture]
public sealed class InfrastructureHost
{
    private static readonly Lazy<Task<IHost>> Started = new(StartAsync);

    public static IHost Host => Started.Value.GetAwaiter().GetResult();

    private static async Task<IHost> StartAsync()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(TestServices.Configuration("infrastructure"));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddApplication();
        // The API builds the catalog from its configuration; here every company has the one plan, with every feature.
        builder.Services.AddSingleton(PlanCatalog.From(new PlanOptions
        {
            DefaultPlan = "business",
            Definitions = new() { ["business"] = new PlanDefinitionOptions { Features = Features.All.ToDictionary(f => f, _ => true) } },
        }));
        builder.Services.AddInfrastructure(builder.Configuration, bus =>
        {
            bus.AddConsumer<ProjectCreatedProbe>();
            bus.AddDomainEventHandler<ProjectRenamedCounter>();
            bus.AddDomainEventHandler<ProjectRenamedBatchCounter>();
        });
        builder.Services.AddMediator(options => options.ServiceLifetime = ServiceLifetime.Scoped);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (!Started.IsValueCreated)
            return;
        var host = await Started.Value;
        await host.StopAsync();
        host.Dispose();
    }

    /// <summary>A DI scope acting as <paramref name="userId"/> of company <paramref name="tenantId"/>.</summary>
    public static AsyncServiceScope ScopeFor(Guid tenantId, Guid? userId = null, CompanyRole? role = CompanyRole.Owner)
    {
        var scope = Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().Set(tenantId, userId ?? Guid.NewGuid(), role);
        return scope;
    }

    /// <summary>Signs a new user up and creates their company through the mediator, as the API would.</summary>
    public static async Task<(Guid TenantId, Guid UserId)> NewCompanyAsync()
    {
        Guid userId;
        await using (var anonymous = ScopeFor(Guid.Empty, Guid.Empty, null))
        {
            var signUp = new SignUpCommand($"{Guid.NewGuid():N}@example.com", "correct horse battery", "Ada");
            userId = (await anonymous.ServiceProvider.GetRequiredService<IMediator>().Send(signUp)).UserId;
        }
        await using var user = ScopeFor(Guid.Empty, userId, null);
        var company = await user.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateCompanyCommand("Northwind"));
        return (company.Id, userId);
    }
}
