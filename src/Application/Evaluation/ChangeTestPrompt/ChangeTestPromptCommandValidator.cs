using FluentValidation;

namespace CleanRag.Application.Evaluation.ChangeTestPrompt;

public sealed class ChangeTestPromptCommandValidator : AbstractValidator<ChangeTestPromptCommand>
{
    public ChangeTestPromptCommandValidator() =>
        Include(new TestPromptInputValidator<ChangeTestPromptCommand>(questionRequired: false, checksExpectation: c => c.ReplacesExpectation));
}
