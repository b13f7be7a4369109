using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Documents.UploadDocuments;

/// <summary>Direct upload of one or more files into a project.</summary>
[Authorize(CompanyRole.Member)]
public sealed record UploadDocumentsCommand(Guid ProjectId, IReadOnlyList<IncomingFile> Files) : ICommand<IReadOnlyList<DocumentDetails>>;

/// <summary>An uploaded file as the HTTP layer received it.</summary>
public sealed record IncomingFile(string FileName, string? ContentType, long Length, Func<Stream> OpenRead);
