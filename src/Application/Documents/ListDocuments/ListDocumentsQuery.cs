using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Documents.ListDocuments;

[Authorize(CompanyRole.Member)]
[AllowApiKey]
public sealed record ListDocumentsQuery(Guid ProjectId) : IQuery<IReadOnlyList<DocumentDetails>>, IProjectScoped;
