using FluentValidation;

namespace CleanRag.Application.Evaluation.SuggestTestPrompts;

public sealed class SuggestTestPromptsQueryValidator : AbstractValidator<SuggestTestPromptsQuery>
{
    public const int MaxLimit = 100;

    public SuggestTestPromptsQueryValidator() =>
        RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit).WithMessage($"limit must be between 1 and {MaxLimit}.");
}
