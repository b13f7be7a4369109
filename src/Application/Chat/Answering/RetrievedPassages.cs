using CleanRag.Application.Search;

namespace CleanRag.Application.Chat.Answering;

/// <param name="SearchQuery">The standalone query the passages were searched with.</param>
/// <param name="Passages">Best first, numbered from 1 in the prompt.</param>
public sealed record RetrievedPassages(string SearchQuery, IReadOnlyList<SearchHit> Passages);
