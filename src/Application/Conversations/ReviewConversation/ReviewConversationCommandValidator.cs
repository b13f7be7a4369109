using CleanRag.Application.Conversations.Inbox;
using CleanRag.Domain.Conversations;
using FluentValidation;

namespace CleanRag.Application.Conversations.ReviewConversation;

public sealed class ReviewConversationCommandValidator : AbstractValidator<ReviewConversationCommand>
{
    public ReviewConversationCommandValidator()
    {
        RuleFor(c => c).Must(c => c.ReviewStatus is not null || c.Rating is not null || c.Notes is not null || c.AssigneeUserId is not null)
            .OverridePropertyName("body").WithMessage("Send at least one of reviewStatus, rating, notes, assigneeUserId.");
        RuleFor(c => c.ReviewStatus!.Value).Must(s => s is not null && InboxFilterInput.IsReviewStatus(s)).When(c => c.ReviewStatus is not null)
            .OverridePropertyName("reviewStatus").WithMessage("reviewStatus must be one of new, reviewed, needs_follow_up.");
        RuleFor(c => c.Rating!.Value).InclusiveBetween(Conversation.MinRating, Conversation.MaxRating).When(c => c.Rating is not null)
            .OverridePropertyName("rating").WithMessage($"rating must be between {Conversation.MinRating} and {Conversation.MaxRating}, or null to clear it.");
        RuleFor(c => c.Notes!.Value).MaximumLength(Conversation.MaxNotesLength).When(c => c.Notes is not null)
            .OverridePropertyName("notes").WithMessage($"notes must be at most {Conversation.MaxNotesLength} characters.");
        RuleFor(c => c.AssigneeUserId!.Value).NotEqual(Guid.Empty).When(c => c.AssigneeUserId is not null)
            .OverridePropertyName("assigneeUserId").WithMessage("assigneeUserId must be a user id, or null to unassign.");
    }
}
