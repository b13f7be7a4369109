using CleanRag.Application.Conversations.Inbox;
using FluentValidation;

namespace CleanRag.Application.Conversations.ListInbox;

public sealed class ListInboxQueryValidator : AbstractValidator<ListInboxQuery>
{
    public ListInboxQueryValidator()
    {
        this.AddInboxFilterRules();
        RuleFor(q => q.Limit).InclusiveBetween(1, ListInboxQuery.MaxLimit)
            .WithName("limit").WithMessage($"limit must be between 1 and {ListInboxQuery.MaxLimit}.");
        RuleFor(q => q.Cursor).Must(c => InboxCursor.TryDecode(c, out _)).When(q => q.Cursor is not null)
            .WithName("cursor").WithMessage("cursor must be a nextCursor returned by this API.");
    }
}
