using CleanRag.Application.Search;
using CleanRag.Domain.Conversations;

namespace CleanRag.Application.Chat.Answering;

/// <summary>How sure an answer is, from 0 to 1: what the refusal threshold and the visitor's confidence figure rest on.</summary>
public static class ConfidenceScore
{
    /// <summary>Retrieval strength of the best passage, weighted by how much of the used context the answer cites.</summary>
    public static double Of(IReadOnlyList<SearchHit> passages, IReadOnlyList<CitedSource> sources)
    {
        if (sources.Count == 0)
            return 0;
        var retrieval = Math.Clamp(passages.Max(p => p.Score), 0, 1);
        var support = Math.Clamp(sources.Max(s => s.Score), 0, 1);
        return Math.Round(0.5 * retrieval + 0.5 * support, 3);
    }

    /// <summary>An answer is given only when it cites a passage and clears the project's threshold; otherwise it is refused.</summary>
    public static bool Supports(IReadOnlyList<CitedSource> sources, double confidence, double minimumRelevance) =>
        sources.Count > 0 && confidence >= minimumRelevance;
}
