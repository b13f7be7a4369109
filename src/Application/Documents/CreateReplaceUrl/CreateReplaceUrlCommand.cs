using CleanRag.Application.Common.Security;
using CleanRag.Application.Documents.CreateUploadUrls;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Documents.CreateReplaceUrl;

/// <summary>Announces a new version of a document and returns the link to PUT its bytes to.</summary>
/// <param name="SourceUrl">The document's new published address; null keeps the current one.</param>
[Authorize(CompanyRole.Member)]
[AllowApiKey]
public sealed record CreateReplaceUrlCommand(Guid ProjectId, Guid DocumentId, string? FileName, string? ContentType, string? SourceUrl = null)
    : ICommand<UploadLink>, IProjectScoped;
