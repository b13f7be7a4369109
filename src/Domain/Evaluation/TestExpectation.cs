using CleanRag.Domain.Common;

namespace CleanRag.Domain.Evaluation;

/// <summary>
/// What a good answer to a test prompt must show: a cited document (by id or by file name/title, optionally a page), words or
/// phrases it must contain (case-insensitive), or that the bot must refuse (say it does not know, citing nothing). With none of
/// them, a prompt passes when it is answered.
/// </summary>
public sealed record TestExpectation(
    Guid? DocumentId = null, string? DocumentName = null, int? Page = null, IReadOnlyList<string>? MustContain = null, bool MustRefuse = false)
{
    public const int MaxMustContain = 20;
    public const int MaxPhraseLength = 200;
    public const int MaxDocumentNameLength = 255;

    public static TestExpectation None { get; } = new();

    public IReadOnlyList<string> Words => MustContain ?? [];

    public bool ExpectsDocument => DocumentId is not null || DocumentName is not null;

    /// <summary>Trimmed and checked: a refusal expects no document or words, a page needs a document, phrases are distinct.</summary>
    public static TestExpectation Of(Guid? documentId, string? documentName, int? page, IEnumerable<string>? mustContain, bool mustRefuse)
    {
        var name = string.IsNullOrWhiteSpace(documentName) ? null : documentName.Trim();
        var words = (mustContain ?? []).Select(w => w.Trim()).Where(w => w.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (mustRefuse && (documentId is not null || name is not null || page is not null || words.Count > 0))
            throw new DomainRuleViolationException("refusal_with_expectations",
                "A prompt that must be refused cannot also expect a document, a page or words.");
        if (page is not null && documentId is null && name is null)
            throw new DomainRuleViolationException("page_without_document", "An expected page needs an expected document.");
        if (page is < 1)
            throw new DomainRuleViolationException("invalid_page", "The expected page must be 1 or more.");
        if (words.Count > MaxMustContain || words.Any(w => w.Length > MaxPhraseLength))
            throw new DomainRuleViolationException("too_many_words",
                $"At most {MaxMustContain} words or phrases of at most {MaxPhraseLength} characters.");
        return new TestExpectation(documentId, name, page, words, mustRefuse);
    }
}
