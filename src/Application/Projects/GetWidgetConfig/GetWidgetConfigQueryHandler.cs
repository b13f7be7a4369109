using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Projects.GetWidgetConfig;

public sealed class GetWidgetConfigQueryHandler(IReadStore readStore) : IQueryHandler<GetWidgetConfigQuery, WidgetConfigView>
{
    public async ValueTask<WidgetConfigView> Handle(GetWidgetConfigQuery query, CancellationToken cancellationToken) =>
        WidgetConfigView.From(await readStore.LoadAsync<ProjectDetails>(query.ProjectId, cancellationToken) ?? throw new NotFoundException("Project"));
}
