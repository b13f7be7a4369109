using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Documents;
using CleanRag.Domain.Conversations;

namespace CleanRag.Application.Chat.Answering;

/// <summary>
/// Completes an answer's cited sources from one read of their documents: the source URLs to record, then the links to show.
/// </summary>
public sealed class CitationResolver(IReadStore readStore, ICitationLinks links)
{
    /// <summary>The documents the sources cite, by id, as they are now (one read for all of them).</summary>
    public async Task<IReadOnlyDictionary<Guid, DocumentDetails>> DocumentsOfAsync(
        IReadOnlyList<CitedSource> sources, CancellationToken cancellationToken)
    {
        var ids = sources.Select(s => s.DocumentId).ToHashSet();
        return (await readStore.LoadManyAsync<DocumentDetails>(ids, cancellationToken)).ToDictionary(d => d.Id);
    }

    /// <summary>The sources with the source URL their documents have now.</summary>
    public static IReadOnlyList<CitedSource> WithSourceUrls(IReadOnlyList<CitedSource> sources, IReadOnlyDictionary<Guid, DocumentDetails> documents) =>
        [.. sources.Select(s => s with { SourceUrl = documents.GetValueOrDefault(s.DocumentId)?.SourceUrl })];

    /// <summary>Each source with the link the visitor follows, in citation order.</summary>
    public IReadOnlyList<Citation> Link(Guid projectId, IReadOnlyList<CitedSource> sources, IReadOnlyDictionary<Guid, DocumentDetails> documents) =>
        [.. sources.Zip(links.UrlsOf(projectId, sources, documents), (source, url) => new Citation(source, url))];
}
