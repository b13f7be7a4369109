using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Documents.GetPreviewUrl;

[Authorize(CompanyRole.Member)]
[AllowApiKey]
public sealed record GetPreviewUrlQuery(Guid ProjectId, Guid DocumentId) : IQuery<PreviewLink>, IProjectScoped;

public sealed record PreviewLink(Guid DocumentId, int Version, string Token, DateTimeOffset ExpiresAt);
