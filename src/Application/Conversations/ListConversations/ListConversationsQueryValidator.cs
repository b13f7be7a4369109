using FluentValidation;

namespace CleanRag.Application.Conversations.ListConversations;

public sealed class ListConversationsQueryValidator : AbstractValidator<ListConversationsQuery>
{
    public ListConversationsQueryValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("page must be 1 or more.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200).WithMessage("pageSize must be between 1 and 200.");
    }
}
