using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Documents;
using CleanRag.Domain.Conversations;

namespace CleanRag.Application.Chat.Answering;

/// <summary>Completes an answer's cited sources: their documents' source URLs to record, then the links to show.</summary>
public sealed class CitationResolver(IReadStore readStore, ICitationLinks links)
{
    /// <summary>The sources with the source URL their documents have now (one read for all of them).</summary>
    public async Task<IReadOnlyList<CitedSource>> WithSourceUrlsAsync(IReadOnlyList<CitedSource> sources, CancellationToken cancellationToken)
    {
        var ids = sources.Select(s => s.DocumentId).Distinct().ToList();
        var documents = await readStore.ListAsync<DocumentDetails>(q => q.Where(d => ids.Contains(d.Id)), cancellationToken);
        var sourceUrls = documents.ToDictionary(d => d.Id, d => d.SourceUrl);
        return [.. sources.Select(s => s with { SourceUrl = sourceUrls.GetValueOrDefault(s.DocumentId) })];
    }

    /// <summary>Each source with the link the visitor follows, in citation order.</summary>
    public async Task<IReadOnlyList<Citation>> LinkAsync(Guid projectId, IReadOnlyList<CitedSource> sources, CancellationToken cancellationToken) =>
        [.. sources.Zip(await links.UrlsOfAsync(projectId, sources, cancellationToken), (source, url) => new Citation(source, url))];
}
