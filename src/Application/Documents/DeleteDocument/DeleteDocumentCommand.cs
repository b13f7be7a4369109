using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Documents.DeleteDocument;

/// <summary>Deletes a document: its blob and index entries are removed by a consumer; the event history stays.</summary>
[Authorize(CompanyRole.Member)]
public sealed record DeleteDocumentCommand(Guid ProjectId, Guid DocumentId) : ICommand;
