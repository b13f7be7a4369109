using FluentValidation;

namespace CleanRag.Application.Evaluation.ChangeTestPrompt;

public sealed class ChangeTestPromptCommandValidator : AbstractValidator<ChangeTestPromptCommand>
{
    public ChangeTestPromptCommandValidator()
    {
        this.QuestionRules(required: false);
        // The expectation's fields are checked only when it is replaced (otherwise they are simply absent).
        When(c => c.ReplacesExpectation, () => this.ExpectationRules());
    }
}
