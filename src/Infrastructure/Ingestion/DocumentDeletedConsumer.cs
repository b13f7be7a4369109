using CleanRag.Application.Common.Messaging;
using CleanRag.Application.Documents;
using CleanRag.Application.Search;
using CleanRag.Domain.Documents;
using Marten;
using MassTransit;
using CleanRag.Infrastructure.Persistence;

namespace CleanRag.Infrastructure.Ingestion;

/// <summary>
/// Removes a deleted document's chunks from the index and its blobs from storage (a blob shared by
/// another live document of the tenant stays). Both steps are idempotent, so redeliveries are harmless.
/// </summary>
public sealed class DocumentDeletedConsumer(ISearchIndex index, IBlobStore blobs, IDocumentStore store) : IConsumer<DomainEventEnvelope<DocumentDeleted>>
{
    public async Task Consume(ConsumeContext<DomainEventEnvelope<DocumentDeleted>> context)
    {
        var deleted = context.Message.Data;
        var tenantId = context.Message.TenantId;
        await index.DeleteDocumentAsync(new ProjectScope(tenantId, deleted.ProjectId), deleted.DocumentId, VersionSelector.All, context.CancellationToken);

        await using var session = store.QuerySession(TenantIds.For(tenantId));
        var document = await session.LoadAsync<DocumentDetails>(deleted.DocumentId, context.CancellationToken);
        if (document is null)
            return;
        foreach (var hash in document.Versions.Select(v => v.ContentHash).Distinct())
        {
            var stillUsed = await session.Query<DocumentDetails>()
                .AnyAsync(d => d.Id != deleted.DocumentId && d.Status != DocumentStatus.Deleted && d.Versions.Any(v => v.ContentHash == hash),
                    context.CancellationToken);
            if (!stillUsed)
                await blobs.DeleteAsync(tenantId, hash, context.CancellationToken);
        }
    }
}
