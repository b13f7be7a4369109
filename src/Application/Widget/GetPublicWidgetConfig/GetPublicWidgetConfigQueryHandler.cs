using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Plans;
using CleanRag.Application.Projects;
using CleanRag.Application.Projects.GetWidgetConfig;
using CleanRag.Domain.Projects;
using Mediator;

namespace CleanRag.Application.Widget.GetPublicWidgetConfig;

/// <summary>
/// Serves the widget of a project that can answer (live, or indexing its first documents) with the widget enabled;
/// any other project is "not found", so the config says nothing about projects a page may not embed.
/// </summary>
public sealed class GetPublicWidgetConfigQueryHandler(IReadStore readStore, CompanyPlans plans, TimeProvider clock)
    : IQueryHandler<GetPublicWidgetConfigQuery, PublicWidgetConfig>
{
    public async ValueTask<PublicWidgetConfig> Handle(GetPublicWidgetConfigQuery query, CancellationToken cancellationToken)
    {
        var project = await readStore.LoadAsync<ProjectDetails>(query.ProjectId, cancellationToken);
        if (project is null || project.Status is not (ProjectStatus.Live or ProjectStatus.Indexing) || !project.Settings.WidgetEnabled)
            throw new NotFoundException("Project");

        var plan = await plans.CurrentAsync(cancellationToken);
        var widget = project.Widget;
        // Without the plan's feature the owner's setting stays stored but does not apply: a later plan turns it back on.
        var hours = plan.Allows(Features.OfficeHours) ? widget.OfficeHours : widget.OfficeHours with { Enabled = false };
        var now = clock.GetUtcNow();
        return new PublicWidgetConfig(
            project.Id,
            widget.NameFor(project.Name),
            widget.Color,
            widget.GradientStops,
            WidgetText.Of(widget.Position),
            widget.Welcome,
            widget.Avatar,
            widget.ShowBranding || !plan.Allows(Features.RemoveBranding),
            plan.Allows(Features.CustomCss) ? widget.CustomCss : null,
            new PublicOfficeHours(hours.Enabled, hours.TimeZone, [.. hours.Weekly.Select(OpeningRangeView.From)],
                hours.IsOpenAt(now), hours.ClosedMessage, hours.NextOpeningAfter(now)),
            plan.Features);
    }
}
