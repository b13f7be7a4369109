using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Projects.GetWidgetConfig;

[Authorize(CompanyRole.Member)]
public sealed record GetWidgetConfigQuery(Guid ProjectId) : IQuery<WidgetConfigView>;
