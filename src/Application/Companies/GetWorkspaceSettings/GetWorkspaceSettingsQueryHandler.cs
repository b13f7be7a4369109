using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Companies.GetWorkspaceSettings;

public sealed class GetWorkspaceSettingsQueryHandler(IRequestContext context, IReadStore readStore)
    : IQueryHandler<GetWorkspaceSettingsQuery, WorkspaceSettings>
{
    public async ValueTask<WorkspaceSettings> Handle(GetWorkspaceSettingsQuery query, CancellationToken cancellationToken) =>
        (await readStore.LoadCurrentAsync(context, cancellationToken)).Settings;
}
