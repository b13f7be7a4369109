using CleanRag.Domain.Evaluation;

namespace CleanRag.Application.Evaluation;

/// <summary>Whether an answer shows what its prompt expects, and if not, each reason in words an admin can act on.</summary>
public sealed record AnswerVerdict(bool Passed, IReadOnlyList<string> Reasons)
{
    public const string Answered = "answered";

    /// <summary>
    /// Judges one answer. A prompt that must refuse passes only with no answer and no source. Any other prompt must be answered;
    /// an expected document must be among the sources (by id, or by file name or title, with or without the extension); an expected
    /// page must lie within a source's pages of that document (a passage spanning pages 7–9 covers page 8); each word or phrase must
    /// appear in the answer, ignoring case.
    /// </summary>
    /// <param name="fileNames">The project's documents' file names by id: sources carry titles, and expectations may name files.</param>
    public static AnswerVerdict Judge(
        TestExpectation expected, string answer, string outcome, IReadOnlyList<RunSource> sources, IReadOnlyDictionary<Guid, string> fileNames)
    {
        var reasons = new List<string>();
        if (expected.MustRefuse)
        {
            if (outcome == Answered || sources.Count > 0)
                reasons.Add("answered but should refuse");
            return new AnswerVerdict(reasons.Count == 0, reasons);
        }

        if (outcome != Answered)
            reasons.Add($"did not answer ({outcome}) but should");
        if (expected.ExpectsDocument)
        {
            var label = Label(expected, fileNames);
            var cited = sources.Where(s => IsExpected(s, expected, fileNames)).ToList();
            if (cited.Count == 0)
            {
                var others = sources.Select(s => s.Title).Distinct().ToList();
                reasons.Add($"expected {label}{(expected.Page is { } p ? $" page {p}" : "")}; cited {(others.Count == 0 ? "nothing" : string.Join(", ", others))}");
            }
            else if (expected.Page is { } page && !cited.Any(s => Covers(s, page)))
            {
                var pages = cited.Where(s => s.PageNumber is not null).Select(Pages).Distinct().ToList();
                reasons.Add($"expected {label} page {page}; cited {(pages.Count == 0 ? "no page" : $"page{(pages.Count > 1 ? "s" : "")} {string.Join(", ", pages)}")}");
            }
        }
        foreach (var word in expected.Words.Where(w => !answer.Contains(w, StringComparison.OrdinalIgnoreCase)))
            reasons.Add($"missing {(word.Contains(' ') ? "phrase" : "word")} '{word}'");
        return new AnswerVerdict(reasons.Count == 0, reasons);
    }

    private static bool IsExpected(RunSource source, TestExpectation expected, IReadOnlyDictionary<Guid, string> fileNames) =>
        expected.DocumentId is { } id
            ? source.DocumentId == id
            : SameName(source.Title, expected.DocumentName!)
              || fileNames.TryGetValue(source.DocumentId, out var fileName) && SameName(fileName, expected.DocumentName!);

    private static bool SameName(string name, string expected) =>
        string.Equals(name, expected, StringComparison.OrdinalIgnoreCase)
        || string.Equals(Path.GetFileNameWithoutExtension(name), Path.GetFileNameWithoutExtension(expected), StringComparison.OrdinalIgnoreCase);

    private static bool Covers(RunSource source, int page) =>
        source.PageNumber is { } first && first <= page && page <= (source.PageEnd ?? first);

    private static string Pages(RunSource source) =>
        source.PageEnd is { } last && last > source.PageNumber ? $"{source.PageNumber}–{last}" : $"{source.PageNumber}";

    private static string Label(TestExpectation expected, IReadOnlyDictionary<Guid, string> fileNames) =>
        expected.DocumentName ?? (fileNames.TryGetValue(expected.DocumentId!.Value, out var name) ? name : $"document {expected.DocumentId}");
}
