using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Projects.GetIntegration;

/// <summary>How to call the project: endpoint URLs and a ready curl example (the key itself is never shown again).</summary>
[Authorize(CompanyRole.Admin)]
public sealed record GetIntegrationQuery(Guid ProjectId, string ApiBaseUrl) : IQuery<Integration>;

public sealed record Integration(
    Guid ProjectId, string Status, string ChatEndpoint, string WidgetEndpoint, string? LiveKeyPrefix, string AuthenticationHeader, string CurlExample);
