using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Documents.CreateUploadUrls;

/// <summary>Registers documents whose bytes the client will PUT to one-time signed links (large files, browsers).</summary>
[Authorize(CompanyRole.Member)]
[AllowApiKey]
public sealed record CreateUploadUrlsCommand(Guid ProjectId, IReadOnlyList<PlannedUpload> Files) : ICommand<IReadOnlyList<UploadLink>>, IProjectScoped;

/// <param name="SourceUrl">Where the document is published, if anywhere: answers citing it link there.</param>
public sealed record PlannedUpload(string FileName, string? ContentType, string? SourceUrl = null);

/// <summary>Where to PUT the bytes of a document version; the API turns the token into a URL.</summary>
/// <param name="ExpiresInSeconds">The link's lifetime as issued, so a client need not compare its clock with ours.</param>
public sealed record UploadLink(Guid DocumentId, int Version, string FileName, string Token, DateTimeOffset ExpiresAt, int ExpiresInSeconds);
