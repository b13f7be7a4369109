using CleanRag.Domain.Evaluation;
using FluentValidation;

namespace CleanRag.Application.Evaluation;

/// <summary>A prompt as clients send it: the question and what a good answer must show (see <see cref="TestExpectation"/>).</summary>
public interface ITestPromptInput
{
    string? Question { get; }
    Guid? ExpectedDocumentId { get; }
    string? ExpectedDocument { get; }
    int? ExpectedPage { get; }
    IReadOnlyList<string>? MustContain { get; }
    bool? MustRefuse { get; }
}

/// <summary>An ad-hoc prompt of a test run (not saved).</summary>
public sealed record TestPromptInput(
    string? Question, Guid? ExpectedDocumentId = null, string? ExpectedDocument = null, int? ExpectedPage = null,
    IReadOnlyList<string>? MustContain = null, bool? MustRefuse = null) : ITestPromptInput;

public static class TestPromptInputs
{
    public static TestExpectation Expectation(this ITestPromptInput input) =>
        TestExpectation.Of(input.ExpectedDocumentId, input.ExpectedDocument, input.ExpectedPage, input.MustContain, input.MustRefuse ?? false);
}

/// <summary>The rules on a prompt's question and expectation, for saved and ad-hoc prompts alike.</summary>
internal static class TestPromptRules
{
    /// <summary>The question: checked when sent, and required unless <paramref name="required"/> is false (a partial update).</summary>
    public static void QuestionRules<T>(this AbstractValidator<T> validator, bool required) where T : ITestPromptInput
    {
        validator.RuleFor(p => p.Question).Must(q => !string.IsNullOrWhiteSpace(q)).WithMessage("question is required and must not be blank.")
            .When(p => required || p.Question is not null);
        validator.RuleFor(p => p.Question).Must(q => q!.Trim().Length <= TestSuite.MaxQuestionLength)
            .WithMessage($"question must be at most {TestSuite.MaxQuestionLength} characters.").When(p => p.Question is not null);
    }

    public static void ExpectationRules<T>(this AbstractValidator<T> validator) where T : ITestPromptInput
    {
        validator.RuleFor(p => p.ExpectedDocument).MaximumLength(TestExpectation.MaxDocumentNameLength)
            .WithMessage($"expectedDocument must be at most {TestExpectation.MaxDocumentNameLength} characters.");
        validator.RuleFor(p => p.ExpectedPage).GreaterThanOrEqualTo(1).WithMessage("expectedPage must be 1 or more.");
        validator.RuleFor(p => p.ExpectedPage).Null().When(p => p.ExpectedDocumentId is null && string.IsNullOrWhiteSpace(p.ExpectedDocument))
            .WithMessage("expectedPage needs expectedDocumentId or expectedDocument.");
        validator.RuleFor(p => p.MustContain).Must(words => words!.Count <= TestExpectation.MaxMustContain).When(p => p.MustContain is not null)
            .WithMessage($"mustContain holds at most {TestExpectation.MaxMustContain} words or phrases.");
        validator.RuleForEach(p => p.MustContain).Must(w => !string.IsNullOrWhiteSpace(w) && w.Trim().Length <= TestExpectation.MaxPhraseLength)
            .WithMessage($"each mustContain entry must be non-blank and at most {TestExpectation.MaxPhraseLength} characters.");
        validator.RuleFor(p => p.MustRefuse).Must((p, _) => p.ExpectedDocumentId is null && string.IsNullOrWhiteSpace(p.ExpectedDocument)
                                                           && p.ExpectedPage is null && (p.MustContain is null || p.MustContain.Count == 0))
            .When(p => p.MustRefuse is true)
            .WithMessage("mustRefuse excludes expectedDocumentId, expectedDocument, expectedPage and mustContain.");
    }
}
