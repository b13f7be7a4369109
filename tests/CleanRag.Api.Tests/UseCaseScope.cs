using CleanRag.Application.Common;
using CleanRag.Domain.Companies;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Api.Tests;

/// <summary>
/// Runs use cases through the mediator of the shared API host, as a signed-in member of a company — the whole
/// pipeline (authorization, validation, unit of work) without HTTP in between.
/// </summary>
public sealed class UseCaseScope : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    public UseCaseScope(TestActor actor, CompanyRole role = CompanyRole.Owner)
    {
        _scope = ApiHost.Factory.Services.CreateAsyncScope();
        _scope.ServiceProvider.GetRequiredService<RequestContext>().Set(actor.CompanyId, actor.UserId, role);
    }

    public IServiceProvider Services => _scope.ServiceProvider;

    public IMediator Mediator => Services.GetRequiredService<IMediator>();

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
