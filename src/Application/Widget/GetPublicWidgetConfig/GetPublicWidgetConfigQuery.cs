using Mediator;

namespace CleanRag.Application.Widget.GetPublicWidgetConfig;

/// <summary>
/// What the embedded widget needs to render (no credential: the widget names only the project). The API has scoped
/// the request to the project's company before sending it.
/// </summary>
public sealed record GetPublicWidgetConfigQuery(Guid ProjectId) : IQuery<PublicWidgetConfig>;
