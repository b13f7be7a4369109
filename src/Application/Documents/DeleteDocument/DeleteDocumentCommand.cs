using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using CleanRag.Application.Common;
using Mediator;

namespace CleanRag.Application.Documents.DeleteDocument;

/// <summary>
/// Deletes a document: its blob and index entries are removed by a reaction; the event history stays. Ingestion appends
/// to the same stream in the background, so a delete that raced it runs again.
/// </summary>
[Authorize(CompanyRole.Member)]
public sealed record DeleteDocumentCommand(Guid ProjectId, Guid DocumentId) : ICommand, IRetryOnConcurrencyConflict;
