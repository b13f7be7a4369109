using CleanRag.Domain.Evaluation;
using FluentValidation;

namespace CleanRag.Application.Evaluation.StartTestRun;

public sealed class StartTestRunCommandValidator : AbstractValidator<StartTestRunCommand>
{
    public StartTestRunCommandValidator()
    {
        RuleFor(c => c).Must(c => (c.PromptIds?.Count ?? 0) + (c.Prompts?.Count ?? 0) <= TestRun.MaxPrompts).OverridePropertyName("prompts")
            .WithMessage($"A test run runs at most {TestRun.MaxPrompts} prompts.");
        RuleFor(c => c.PromptIds).Must(ids => ids!.Distinct().Count() == ids!.Count).When(c => c.PromptIds is not null)
            .WithMessage("promptIds must not repeat a prompt.");
        RuleForEach(c => c.Prompts).ChildRules(prompt =>
        {
            prompt.QuestionRules(required: true);
            prompt.ExpectationRules();
        });
    }
}
