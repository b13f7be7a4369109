using System.Collections.Frozen;

namespace CleanRag.Application.Search.Reranking;

/// <summary>
/// A small English term analyser for the lexical reranker and the query rewriter: lower-cases, splits on
/// anything but letters and digits, drops stop words and one-letter tokens, and strips common inflections
/// (plural s/es/ies, -ing, -ed) so "plans" and "plan" or "covered" and "cover" meet.
/// </summary>
public static class SearchTerms
{
    private static readonly FrozenSet<string> StopWords = new[]
    {
        "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
        "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "else", "few", "for", "from", "further", "get", "got", "had", "has",
        "have", "having", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its",
        "itself", "just", "me", "more", "most", "much", "my", "no", "nor", "not", "now", "of", "off", "on", "once",
        "one", "only", "or", "other", "our", "ours", "out", "over", "own", "same", "she", "should", "so", "some",
        "such", "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they", "this", "those",
        "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which",
        "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "please", "tell", "know",
        "many", "may", "might", "must", "need", "want", "like", "ok", "okay", "thanks", "thank", "yes",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The analysed terms of <paramref name="text"/>, in order, with repeats.</summary>
    public static List<string> Analyse(string text) => Words(text).Where(IsContentWord).Select(Stem).ToList();

    /// <summary>Content words with their surface form (lower-cased), for showing a term to a search engine.</summary>
    public static IEnumerable<(string Term, string Surface)> AnalyseWithSurface(string text) =>
        Words(text).Where(IsContentWord).Select(word => (Stem(word), word));

    /// <summary>Lower-cased words of letters and digits, stop words included.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }

    /// <summary>How many <see cref="Words"/> <paramref name="text"/> has, without making them.</summary>
    public static int CountWords(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var character in text)
        {
            var letterOrDigit = char.IsLetterOrDigit(character);
            if (letterOrDigit && !inWord)
                count++;
            inWord = letterOrDigit;
        }
        return count;
    }

    public static bool IsStopWord(string word) => StopWords.Contains(word);

    private static bool IsContentWord(string word) => !StopWords.Contains(word) && (word.Length > 1 || char.IsDigit(word[0]));

    private static string Stem(string word)
    {
        if (word.Length <= 3 || char.IsDigit(word[^1]))
            return word;
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
            return word[..^3] + "y";
        if (word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal)
            || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal))
            return word[..^2];
        if (word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            && !word.EndsWith("is", StringComparison.Ordinal))
            return word[..^1];
        if (word.EndsWith("ing", StringComparison.Ordinal) && word.Length > 5)
            return word[..^3];
        if (word.EndsWith("ed", StringComparison.Ordinal) && word.Length > 4)
            return word[..^2];
        return word;
    }
}
