using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using CleanRag.Application.Common;
using Mediator;

namespace CleanRag.Application.Documents.SyncDocuments;

/// <summary>Queues every document that is not indexed at its newest version; ingestion runs on the bus.</summary>
[Authorize(CompanyRole.Member)]
[AllowApiKey]
public sealed record SyncDocumentsCommand(Guid ProjectId) : ICommand<SyncResult>, IRetryOnConcurrencyConflict, IProjectScoped;

public sealed record SyncResult(int DocumentCount, int QueuedCount, IReadOnlyDictionary<string, int> Statuses, string Message);
