using FluentValidation;

namespace CleanRag.Application.KnowledgeGaps.ListKnowledgeGaps;

public sealed class ListKnowledgeGapsQueryValidator : AbstractValidator<ListKnowledgeGapsQuery>
{
    public const int MaxLimit = 200;

    public ListKnowledgeGapsQueryValidator()
    {
        RuleFor(q => q.Status).Must(s => s is KnowledgeGap.Open or KnowledgeGap.Dismissed or KnowledgeGap.Done)
            .WithName("status").WithMessage("status must be one of open, dismissed, done.");
        RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit).WithName("limit").WithMessage($"limit must be between 1 and {MaxLimit}.");
    }
}
