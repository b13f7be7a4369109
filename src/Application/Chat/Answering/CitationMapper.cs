using System.Text.RegularExpressions;
using CleanRag.Application.Search;
using CleanRag.Application.Search.Reranking;
using CleanRag.Domain.Conversations;

namespace CleanRag.Application.Chat.Answering;

/// <summary>
/// Turns the [n] citations of a generated answer into the sources shown to the visitor: the n-th passage's
/// document, the page cited, the pages the passage spans, a short excerpt and its retrieval score. Numbers outside
/// the passages are ignored.
/// </summary>
/// <remarks>
/// A passage can run over a page break. The page cited is the page of the passage's sentence the answer used: the
/// sentence sharing the most words with the answer text the citation is attached to (the extractive generator copies
/// sentences verbatim, so it is found exactly; a language model's paraphrase finds the sentence it drew on). The
/// passage's first page when nothing matches or the passage records no page breaks (chunks indexed before they were).
/// </remarks>
public static partial class CitationMapper
{
    public const int ExcerptLength = 320;

    public static List<CitedSource> Map(string answer, IReadOnlyList<SearchHit> passages)
    {
        var spans = GroundedPrompt.CitedSpans(answer);
        return GroundedPrompt.CitedNumbers(answer)
            .Where(n => n >= 1 && n <= passages.Count)
            .Select(n =>
            {
                var chunk = passages[n - 1].Chunk;
                var page = chunk.PageBreaks is { Count: > 0 }
                    ? CitedPage(chunk, spans.Where(s => s.Number == n).Select(s => s.Text))
                    : chunk.PageStart;
                return new CitedSource(n, chunk.DocumentId, chunk.DocumentTitle, Excerpt(chunk.Text), page,
                    Math.Round(passages[n - 1].Score, 4), chunk.PageEnd, PageStart: chunk.PageStart);
            })
            .ToList();
    }

    /// <summary>The page of the passage sentence most like one of the answer's texts citing it (word overlap, Jaccard).</summary>
    private static int? CitedPage(IndexedChunk chunk, IEnumerable<string> citingTexts)
    {
        var sentences = SentenceSpans(chunk.Text).Select(s => (s.Start, Terms: SearchTerms.Analyse(s.Text).ToHashSet())).ToList();
        var best = (Score: 0.0, Start: -1);
        foreach (var citing in citingTexts)
        {
            var terms = SearchTerms.Analyse(citing).ToHashSet();
            foreach (var sentence in sentences)
            {
                var shared = sentence.Terms.Count(terms.Contains);
                var score = shared == 0 ? 0 : (double)shared / (sentence.Terms.Count + terms.Count - shared);
                if (score > best.Score)
                    best = (score, sentence.Start);
            }
        }
        return best.Start < 0 ? chunk.PageStart : chunk.PageAt(best.Start);
    }

    /// <summary>Sentences and blocks (a page break falls between blocks) of a passage, with their offsets.</summary>
    private static IEnumerable<(int Start, string Text)> SentenceSpans(string text)
    {
        var start = 0;
        foreach (Match boundary in SentenceBoundary().Matches(text))
        {
            yield return (start, text[start..boundary.Index]);
            start = boundary.Index + boundary.Length;
        }
        yield return (start, text[start..]);
    }

    private static string Excerpt(string text)
    {
        if (text.Length <= ExcerptLength)
            return text;
        var lastSpace = text.LastIndexOf(' ', ExcerptLength);
        // A passage with no space that early (a long URL, text in a script without spaces) is cut mid-word instead.
        return text[..(lastSpace > 0 ? lastSpace : ExcerptLength)] + "…";
    }

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[\p{Lu}\d""'(])|\n\s*\n")]
    private static partial Regex SentenceBoundary();
}
