using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using CleanRag.Application.Common;
using Mediator;

namespace CleanRag.Application.Documents.SyncDocuments;

/// <summary>Queues every document that is not indexed at its newest version; ingestion runs on the bus.</summary>
[Authorize(CompanyRole.Member)]
[AllowApiKey]
public sealed record SyncDocumentsCommand(Guid ProjectId) : ICommand<SyncResult>, IRetryOnConcurrencyConflict, IProjectScoped;

/// <param name="DocumentCount">Documents with their bytes (uploaded, queued, processing, indexed or failed): a presigned upload
/// that never arrived does not count.</param>
/// <param name="Statuses">The distinct statuses of those documents after the sync, e.g. <c>["queued", "indexed"]</c>.</param>
/// <param name="StatusCounts">How many documents are in each of <paramref name="Statuses"/>.</param>
public sealed record SyncResult(
    Guid CompanyId, Guid ProjectId, int DocumentCount, int QueuedCount, IReadOnlyList<string> Statuses,
    IReadOnlyDictionary<string, int> StatusCounts, string Message);
