using System.Collections.Frozen;
using CleanRag.Application.Search.Reranking;

namespace CleanRag.Application.Search.Rewriting;

/// <summary>
/// Rewrites without a model. A question is a follow-up when it has at most
/// <see cref="MaxContentTermsOfFollowUp"/> content words, opens like a continuation ("and ...", "what about ...",
/// "also ..."), or leans on a pronoun ("it", "they", "that" ...). A follow-up gets the most salient terms of the
/// recent turns appended: tf-idf over the turns, where a term of a question counts double (questions name the
/// topic; answers add detail) and older turns count half as much as the next. Terms the question already has are skipped.
/// The description of the page the visitor is on counts as the oldest turn's question: it names what they look at.
/// </summary>
public sealed class HeuristicQueryRewriter : IQueryRewriter
{
    public const int MaxContentTermsOfFollowUp = 2;
    public const int MaxAddedTerms = 4;
    private const int TurnsConsidered = 3;

    private static readonly FrozenSet<string> ReferringWords = new[]
    {
        "it", "its", "they", "them", "their", "that", "this", "those", "these", "there", "he", "she", "him", "her",
        "his", "hers", "one", "ones", "same", "former", "latter",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly string[][] ContinuationOpeners =
    [
        ["and"], ["also"], ["but"], ["or"], ["so"], ["then"], ["what", "about"], ["how", "about"], ["what", "if"],
        ["and", "what"], ["same", "for"],
    ];

    public Task<string> RewriteAsync(string question, IReadOnlyList<ConversationTurn> history, VisitorPage? page, CancellationToken cancellationToken) =>
        Task.FromResult(Rewrite(question, history, page));

    public string Rewrite(string question, IReadOnlyList<ConversationTurn> history, VisitorPage? page = null)
    {
        if (page?.BoundedContext() is { } shown)
            history = [new ConversationTurn(shown, null), .. history];
        if (history.Count == 0 || !IsFollowUp(question))
            return question;
        var added = SalientTerms(history, SearchTerms.Analyse(question).ToHashSet(StringComparer.Ordinal));
        return added.Count == 0 ? question : $"{question.TrimEnd()} {string.Join(' ', added)}";
    }

    public static bool IsFollowUp(string question)
    {
        var words = SearchTerms.Words(question).ToList();
        if (SearchTerms.Analyse(question).Count <= MaxContentTermsOfFollowUp)
            return true;
        if (words.Any(ReferringWords.Contains))
            return true;
        return ContinuationOpeners.Any(opener => words.Count >= opener.Length && words.Take(opener.Length).SequenceEqual(opener));
    }

    private static List<string> SalientTerms(IReadOnlyList<ConversationTurn> history, HashSet<string> alreadyAsked)
    {
        var turns = history.TakeLast(TurnsConsidered).ToList();
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var surfaces = new Dictionary<string, string>(StringComparer.Ordinal);
        var turnsWithTerm = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 0; t < turns.Count; t++)
        {
            var recency = Math.Pow(0.5, turns.Count - 1 - t);
            var seenInTurn = new HashSet<string>(StringComparer.Ordinal);
            Count(turns[t].Question, 2 * recency);
            Count(turns[t].Answer ?? "", recency);
            foreach (var term in seenInTurn)
                turnsWithTerm[term] = turnsWithTerm.GetValueOrDefault(term) + 1;

            void Count(string text, double weight)
            {
                foreach (var (term, surface) in SearchTerms.AnalyseWithSurface(text))
                {
                    weights[term] = weights.GetValueOrDefault(term) + weight;
                    surfaces.TryAdd(term, surface);
                    seenInTurn.Add(term);
                }
            }
        }

        // Smoothed idf over the turns: a term running through every turn is the topic and still scores, only less
        // than its raw count would give it over a term one turn stresses.
        return weights
            .Where(w => !alreadyAsked.Contains(w.Key))
            .Select(w => (Term: w.Key, Score: w.Value * Math.Log(1 + (turns.Count + 1.0) / turnsWithTerm[w.Key])))
            .OrderByDescending(w => w.Score)
            .ThenBy(w => w.Term, StringComparer.Ordinal)
            .Take(MaxAddedTerms)
            .Select(w => surfaces[w.Term])
            .ToList();
    }
}
