using System.Security.Cryptography;
using System.Text;

namespace CleanRag.Application.Analytics;

/// <summary>
/// Groups questions by similar wording, cheaply and deterministically: lowercase, letters and digits only, stop-words out,
/// a light suffix stemmer, then the distinct stems sorted. "How do I reset my password?" and "Password reset — how?" share
/// a key; word order, punctuation, case and plurals do not split a group.
/// </summary>
public static class QuestionKey
{
    /// <summary>Keys longer than this are cut: a pasted essay is one group of its own anyway.</summary>
    private const int MaxLength = 200;

    private static readonly HashSet<string> StopWords =
    [
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "about", "into", "as",
        "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "have", "has", "had", "can", "could", "will", "would",
        "shall", "should", "may", "might", "must", "i", "me", "my", "we", "our", "you", "your", "it", "its", "this", "that", "these",
        "those", "there", "here", "what", "which", "who", "whom", "how", "when", "where", "why", "please", "hi", "hello", "thanks",
        "thank", "any", "some", "so", "not", "no", "yes", "get", "got", "there", "s", "t", "tell", "know", "want", "need",
    ];

    /// <summary>The group key of <paramref name="question"/>; a question of stop-words only keeps them, so it still has one.</summary>
    public static string For(string question)
    {
        var words = Words(question).ToList();
        var meaningful = words.Where(w => !StopWords.Contains(w)).ToList();
        var stems = (meaningful.Count > 0 ? meaningful : words).Select(Stem).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var key = string.Join(' ', stems);
        return key.Length <= MaxLength ? key : key[..MaxLength];
    }

    /// <summary>A stable id for a project's group, so its read model and the decisions about it agree without a lookup.</summary>
    public static Guid GroupId(Guid projectId, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{projectId:N}/{key}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    private static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
                word.Append(c);
            else if (c is '\'' or '\u2019')
                continue; // apostrophes stay inside the word: "don't" = "dont"
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
        if (word.Length > 0)
            yield return word.ToString();
    }

    /// <summary>A light English stemmer: common inflections only, never below three letters (so "bus", "gas" stay).</summary>
    private static string Stem(string word)
    {
        if (word.Length <= 3 || !word.All(char.IsAsciiLetter))
            return word;
        foreach (var (suffix, replacement) in Suffixes)
        {
            if (!word.EndsWith(suffix, StringComparison.Ordinal) || word.Length - suffix.Length + replacement.Length < 3)
                continue;
            var stem = word[..^suffix.Length] + replacement;
            // "resetting" → "reset", "shipped" → "ship"; but "billing" keeps "bill".
            return suffix is "ing" or "ed" && stem.Length > 3 && stem[^1] == stem[^2] && stem[^1] is not ('l' or 's' or 'z')
                ? stem[..^1]
                : stem;
        }
        return word;
    }

    private static readonly (string Suffix, string Replacement)[] Suffixes =
    [
        ("ies", "y"), ("sses", "ss"), ("ing", ""), ("ied", "y"), ("ed", ""), ("es", "e"), ("ss", "ss"), ("us", "us"), ("is", "is"),
        ("s", ""),
    ];
}
