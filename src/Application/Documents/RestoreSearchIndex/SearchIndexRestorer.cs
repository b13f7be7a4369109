using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Search;
using CleanRag.Domain.Documents;

namespace CleanRag.Application.Documents.RestoreSearchIndex;

/// <summary>
/// Brings the caller's tenant's search index back in line with its documents when the index's files were lost
/// or are older than the events (deleted, restored from a backup, written after the last commit). Each document
/// whose indexed version the index lacks is recorded as lost and, when at rest, queued for ingestion: the normal
/// ingestion path indexes it again from its stored bytes, and its status shows it meanwhile.
/// </summary>
public sealed class SearchIndexRestorer(
    IRequestContext context, IEventStore eventStore, IReadStore readStore, ISearchIndexInventory inventory, TimeProvider clock)
{
    public async Task<SearchIndexRestoration> RestoreAsync(CancellationToken cancellationToken)
    {
        var documents = await readStore.ListAsync<DocumentDetails>(
            q => q.Where(d => d.Status != DocumentStatus.Deleted && d.Status != DocumentStatus.PendingUpload), cancellationToken);
        var projects = 0;
        var lost = 0;
        var queued = 0;
        foreach (var project in documents.GroupBy(d => d.ProjectId))
        {
            var scope = new ProjectScope(context.TenantId, project.Key);
            var indexed = await inventory.ListDocumentVersionsAsync(scope, cancellationToken);
            var suspects = project.Where(d => SearchIndexGap.MayBeMissing(d, indexed)).ToList();
            if (suspects.Count == 0)
                continue;

            var aggregates = new List<Document>(suspects.Count);
            foreach (var suspect in suspects)
            {
                if (await eventStore.LoadAsync<Document>(suspect.Id, cancellationToken) is { } document)
                    aggregates.Add(document);
            }
            // Looked at again after the documents were loaded: an ingestion that indexed a version meanwhile is
            // either in this look, or its event conflicts with the append below.
            indexed = await inventory.ListDocumentVersionsAsync(scope, cancellationToken);
            var projectLost = 0;
            foreach (var document in aggregates.Where(d => SearchIndexGap.IsMissing(d, indexed)))
            {
                var events = document.RecordIndexLost(clock.GetUtcNow());
                try
                {
                    await eventStore.AppendAsync(document.Id, document.Version, events, cancellationToken);
                }
                catch (ConcurrencyConflictException)
                {
                    continue; // changed meanwhile (indexed, deleted or queued): that change decides
                }
                projectLost++;
                queued += events.OfType<DocumentIngestionQueued>().Count();
            }
            if (projectLost > 0)
            {
                projects++;
                lost += projectLost;
            }
        }
        return new SearchIndexRestoration(documents.Count, projects, lost, queued);
    }
}

/// <summary>
/// What a restore found: of the documents checked, <paramref name="Lost"/> were missing from the indexes of
/// <paramref name="Projects"/> projects; <paramref name="Queued"/> of them were queued to be indexed again (the
/// others were already on their way through ingestion, or their newest version had failed).
/// </summary>
public sealed record SearchIndexRestoration(int Checked, int Projects, int Lost, int Queued);
