using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Common.Messaging;
using CleanRag.Application.Search;
using CleanRag.Domain.Documents;

namespace CleanRag.Application.Documents.PurgeDeletedDocument;

/// <summary>
/// Removes a deleted document's chunks from the search index and its blobs from storage; a blob another live document of
/// the tenant still uses stays. Neither step can join a transaction, and neither needs to: deleting what is already gone
/// is a no-op, so a retry or a redelivery repeats them harmlessly.
/// </summary>
public sealed class PurgeDeletedDocumentHandler(ISearchIndex index, IBlobStore blobs, IReadStore reads) : IDomainEventHandler<DocumentDeleted>
{
    public async Task HandleAsync(DomainEvent<DocumentDeleted> notice, CancellationToken cancellationToken)
    {
        var deleted = notice.Data;
        await index.DeleteDocumentAsync(new ProjectScope(notice.TenantId, deleted.ProjectId), deleted.DocumentId, VersionSelector.All, cancellationToken);

        var document = await reads.LoadAsync<DocumentDetails>(deleted.DocumentId, cancellationToken);
        if (document is null)
            return;
        foreach (var hash in document.Versions.Select(v => v.ContentHash).Distinct())
        {
            var stillUsed = await reads.ListAsync<DocumentDetails>(documents => documents
                .Where(d => d.Id != deleted.DocumentId && d.Status != DocumentStatus.Deleted && d.Versions.Any(v => v.ContentHash == hash))
                .Take(1), cancellationToken);
            if (stillUsed.Count == 0)
                await blobs.DeleteAsync(notice.TenantId, hash, cancellationToken);
        }
    }
}
