using CleanRag.Application.Common.Security;
using CleanRag.Application.Projects.GetWidgetConfig;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Projects.UpdateWidgetConfig;

/// <summary>
/// Partial update of the widget settings: absent (null) fields keep their value; an empty <c>displayName</c>,
/// <c>avatar</c> or <c>customCss</c> clears it. <paramref name="ExpectedVersion"/> (from If-Match) refuses to
/// overwrite a change made since the caller read the project.
/// </summary>
[Authorize(CompanyRole.Admin)]
public sealed record UpdateWidgetConfigCommand(Guid ProjectId, long? ExpectedVersion, WidgetConfigInput Input) : ICommand<WidgetConfigView>;
