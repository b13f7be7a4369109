using CleanRag.Application.Documents;
using CleanRag.Domain.Conversations;

namespace CleanRag.Application.Chat;

/// <summary>
/// Where a visitor reads a cited source: the document's own address (the <c>sourceUrl</c> it was uploaded with) when it
/// has one, otherwise a signed, expiring link to the file on this API, ending in <c>#page=N</c> when the passage has a
/// page. Links are made each time an answer is shown, never stored: a stored answer keeps its <see cref="CitedSource"/>
/// (with its source URL), and every reading gets a fresh signed link.
/// </summary>
public interface ICitationLinks
{
    /// <summary>
    /// The absolute URLs of <paramref name="sources"/>, cited by an answer in project <paramref name="projectId"/> of the
    /// current tenant, in the same order (one read of their documents for all of them).
    /// </summary>
    /// <returns>Null for a source only when it has no source URL and its document's file is gone (deleted since the answer).</returns>
    Task<IReadOnlyList<string?>> UrlsOfAsync(Guid projectId, IReadOnlyList<CitedSource> sources, CancellationToken cancellationToken);

    /// <summary>As <see cref="UrlsOfAsync"/>, with the sources' documents already read (by id; a missing one is gone).</summary>
    IReadOnlyList<string?> UrlsOf(Guid projectId, IReadOnlyList<CitedSource> sources, IReadOnlyDictionary<Guid, DocumentDetails> documents);
}
