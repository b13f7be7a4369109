using System.Text.RegularExpressions;
using CleanRag.Application.Documents.Ingestion;

namespace CleanRag.Application.Evaluation.SuggestTestPrompts;

/// <summary>A document's extracted text, to propose prompts from.</summary>
public sealed record SuggestionSource(Guid DocumentId, string FileName, ExtractedDocument Text);

/// <summary>
/// Proposes test prompts from documents' text, deterministically (same text, same proposals): each heading with text under it
/// becomes "What does {file name} say about {heading}?", and each defining sentence ("The Plus plan covers one eye exam per year.")
/// becomes a "What …?" question ("What does the Plus plan cover?"). Each expects its document and the page of the text, and
/// must contain up to two key terms of that text (figures first, then names, then the longest words). Documents take turns, so a
/// long one does not crowd out the others.
/// </summary>
public static partial class TestPromptSuggester
{
    private const int MaxTerms = 2;
    private const int MaxHeadingLength = 80;

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "about", "above", "after", "again", "also", "and", "any", "are", "because", "been", "before", "being", "below", "between", "both",
        "but", "can", "could", "does", "each", "either", "every", "for", "from", "have", "having", "here", "into", "itself", "may", "more",
        "most", "must", "not", "only", "other", "over", "same", "should", "some", "such", "than", "that", "the", "their", "them", "then",
        "there", "these", "they", "this", "those", "through", "under", "until", "very", "was", "were", "what", "when", "where", "which",
        "while", "will", "with", "within", "without", "would", "you", "your", "yours",
    };

    public static IReadOnlyList<SuggestedTestPrompt> Suggest(IReadOnlyList<SuggestionSource> documents, int limit)
    {
        var perDocument = documents.Select(d => FromDocument(d).GetEnumerator()).ToList();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var suggestions = new List<SuggestedTestPrompt>();
        while (suggestions.Count < limit && perDocument.Count > 0)
        {
            foreach (var candidates in perDocument.ToList())
            {
                if (!candidates.MoveNext())
                {
                    perDocument.Remove(candidates);
                    continue;
                }
                if (seen.Add(candidates.Current.Question))
                    suggestions.Add(candidates.Current);
                if (suggestions.Count == limit)
                    break;
            }
        }
        return suggestions;
    }

    private static IEnumerable<SuggestedTestPrompt> FromDocument(SuggestionSource source)
    {
        var title = Title(source);
        var blocks = source.Text.Blocks;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (block.Kind == TextBlockKind.Heading)
            {
                var heading = Clean(block.Text);
                var body = blocks.Skip(i + 1).TakeWhile(b => b.Kind != TextBlockKind.Heading)
                    .FirstOrDefault(b => b.Kind is TextBlockKind.Paragraph or TextBlockKind.ListItem);
                if (body is null || heading.Length is < 3 or > MaxHeadingLength || !heading.Any(char.IsLetter))
                    continue;
                var question = heading.EndsWith('?') ? heading : $"What does {title} say about {heading}?";
                yield return new SuggestedTestPrompt(question, source.DocumentId, source.FileName, body.PageNumber,
                    KeyTerms(body.Text, question), $"heading '{heading}'");
            }
            else if (block.Kind is TextBlockKind.Paragraph or TextBlockKind.ListItem)
            {
                foreach (var sentence in Sentences(block.Text))
                {
                    if (QuestionFor(sentence) is not { } asked)
                        continue;
                    yield return new SuggestedTestPrompt(asked.Question, source.DocumentId, source.FileName, block.PageNumber,
                        KeyTerms(asked.Answer, asked.Question), block.PageNumber is { } page ? $"sentence on page {page}" : "sentence");
                }
            }
        }
    }

    /// <summary>"The Plus plan covers one eye exam per year." → ("What does the Plus plan cover?", "one eye exam per year").</summary>
    private static (string Question, string Answer)? QuestionFor(string sentence)
    {
        var match = DefiningSentence().Match(sentence);
        if (!match.Success)
            return null;
        var subject = match.Groups["subject"].Value.Trim();
        var verb = match.Groups["verb"].Value.ToLowerInvariant();
        var rest = match.Groups["rest"].Value.Trim().TrimEnd('.', '!', ';', ':');
        if (subject.Split(' ').Length > 8 || rest.Length < 3 || Passive().IsMatch(rest))
            return null;
        var determiner = Determiner().Match(subject);
        if (determiner.Success)
            subject = char.ToLowerInvariant(subject[0]) + subject[1..];
        var question = verb is "is" or "are"
            ? $"What {verb} {subject}?"
            : $"What does {subject} {verb[..^1]}?";
        return (question, rest);
    }

    /// <summary>Up to <see cref="MaxTerms"/> terms of <paramref name="text"/> that the question does not already give away.</summary>
    private static IReadOnlyList<string> KeyTerms(string text, string question)
    {
        var words = Words().Matches(text).Select(m => m.Value.Trim('.', ',', ';', ':', '(', ')', '"', '\''))
            .Where(w => w.Length >= 3 && !StopWords.Contains(w) && !question.Contains(w, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var figures = words.Where(w => w.Any(char.IsDigit));
        var names = words.Where((w, i) => i > 0 && char.IsUpper(w[0]) && !w.Any(char.IsDigit));
        var longest = words.Where(w => w.All(c => char.IsLetter(c) || c == '-')).OrderByDescending(w => w.Length);
        return figures.Concat(names).Concat(longest).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxTerms).ToList();
    }

    private static IEnumerable<string> Sentences(string text) =>
        SentenceEnd().Split(Clean(text)).Select(s => s.Trim()).Where(s => s.Length is >= 15 and <= 300);

    private static string Title(SuggestionSource source)
    {
        // The file name, not the extracted title: a Markdown file's title is its first heading, which makes "What does Vision say about Vision?".
        return Clean(Path.GetFileNameWithoutExtension(source.FileName).Replace('_', ' '));
    }

    private static string Clean(string text) => Whitespace().Replace(text, " ").Trim().TrimStart('#', ' ');

    [GeneratedRegex(@"^(?<subject>[A-Z][\w'’\- ]{2,80}?) (?<verb>is|are|covers|includes|provides|pays|costs|requires|offers|allows) (?<rest>.+)$")]
    private static partial Regex DefiningSentence();

    /// <summary>"are covered up to…": a passive that makes no "What is" question.</summary>
    [GeneratedRegex(@"^(not )?\w+ed\b", RegexOptions.IgnoreCase)]
    private static partial Regex Passive();

    [GeneratedRegex(@"^(The|A|An|Your|Each|All|Every|Our) ")]
    private static partial Regex Determiner();

    [GeneratedRegex(@"[\p{L}\p{N}$€£%][\p{L}\p{N}$€£%.,'\-]*")]
    private static partial Regex Words();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
