using CleanRag.Application.Common.Validation;
using FluentValidation;

namespace CleanRag.Application.Conversations.ListConversations;

public sealed class ListConversationsQueryValidator : AbstractValidator<ListConversationsQuery>
{
    public ListConversationsQueryValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
        RuleFor(q => q.Handling).Must(h => ListConversationsQueryHandler.TryParseHandling(h, out _)).When(q => q.Handling is not null)
            .WithName("handling").WithMessage("handling must be one of bot, escalated, human, resolved.");
    }
}
