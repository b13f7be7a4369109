using CleanRag.Application.Search;
using CleanRag.Domain.Conversations;

namespace CleanRag.Application.Chat.Answering;

/// <summary>
/// Turns the [n] citations of a generated answer into the sources shown to the visitor: the n-th passage's
/// document, page range, a short excerpt and its retrieval score. Numbers outside the passages are ignored.
/// </summary>
public static class CitationMapper
{
    public const int ExcerptLength = 320;

    public static List<CitedSource> Map(string answer, IReadOnlyList<SearchHit> passages) =>
        GroundedPrompt.CitedNumbers(answer)
            .Where(n => n >= 1 && n <= passages.Count)
            .Select(n =>
            {
                var chunk = passages[n - 1].Chunk;
                return new CitedSource(n, chunk.DocumentId, chunk.DocumentTitle, Excerpt(chunk.Text), chunk.PageStart,
                    Math.Round(passages[n - 1].Score, 4), chunk.PageEnd);
            })
            .ToList();

    private static string Excerpt(string text)
    {
        if (text.Length <= ExcerptLength)
            return text;
        var lastSpace = text.LastIndexOf(' ', ExcerptLength);
        // A passage with no space that early (a long URL, text in a script without spaces) is cut mid-word instead.
        return text[..(lastSpace > 0 ? lastSpace : ExcerptLength)] + "…";
    }
}
