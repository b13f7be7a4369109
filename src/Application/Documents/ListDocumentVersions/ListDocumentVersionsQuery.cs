using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Documents.ListDocumentVersions;

[Authorize(CompanyRole.Member)]
[AllowApiKey]
public sealed record ListDocumentVersionsQuery(Guid ProjectId, Guid DocumentId) : IQuery<IReadOnlyList<DocumentVersion>>, IProjectScoped;
