using FluentValidation;

namespace CleanRag.Application.Evaluation.AddTestPrompt;

public sealed class AddTestPromptCommandValidator : AbstractValidator<AddTestPromptCommand>
{
    public AddTestPromptCommandValidator()
    {
        this.QuestionRules(required: true);
        this.ExpectationRules();
    }
}
