using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Documents.UploadDocuments;

/// <summary>Direct upload of one or more files into a project.</summary>
/// <param name="SourceUrls">Where the files are published, one per file in their order (or none): the multipart fields 'sourceUrl'.</param>
[Authorize(CompanyRole.Member)]
[AllowApiKey]
public sealed record UploadDocumentsCommand(Guid ProjectId, IReadOnlyList<IncomingFile> Files, IReadOnlyList<string?>? SourceUrls = null)
    : ICommand<IReadOnlyList<DocumentDetails>>, IProjectScoped;

/// <summary>An uploaded file as the HTTP layer received it.</summary>
public sealed record IncomingFile(string FileName, string? ContentType, long Length, Func<Stream> OpenRead);
