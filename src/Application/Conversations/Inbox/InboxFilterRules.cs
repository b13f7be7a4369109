using CleanRag.Domain.Conversations;
using FluentValidation;

namespace CleanRag.Application.Conversations.Inbox;

/// <summary>The inbox filters' rules, shared by the list and the export; each message names the query parameter.</summary>
public static class InboxFilterRules
{
    public static void AddInboxFilterRules<T>(this AbstractValidator<T> validator) where T : IInboxRequest
    {
        validator.RuleFor(q => q.Filter).NotNull().OverridePropertyName("filter").WithMessage("The inbox filters are required.");
        validator.When(q => q.Filter is not null, () => AddFieldRules(validator));
    }

    private static void AddFieldRules<T>(AbstractValidator<T> validator) where T : IInboxRequest
    {
        validator.RuleFor(q => q.Filter.Handling).Must(h => InboxFilterInput.IsHandling(h!)).When(q => q.Filter.Handling is not null)
            .OverridePropertyName("handling").WithMessage("handling must be one of bot, escalated, human, resolved.");
        validator.RuleFor(q => q.Filter.ReviewStatus).Must(s => InboxFilterInput.IsReviewStatus(s!)).When(q => q.Filter.ReviewStatus is not null)
            .OverridePropertyName("reviewStatus").WithMessage("reviewStatus must be one of new, reviewed, needs_follow_up.");
        validator.RuleFor(q => q.Filter.Rating).InclusiveBetween(Conversation.MinRating, Conversation.MaxRating)
            .OverridePropertyName("rating").WithMessage($"rating must be between {Conversation.MinRating} and {Conversation.MaxRating}.");
        validator.RuleFor(q => q.Filter.Outcome).Must(o => ConversationOutcomes.All.Contains(o!)).When(q => q.Filter.Outcome is not null)
            .OverridePropertyName("outcome").WithMessage($"outcome must be one of {string.Join(", ", ConversationOutcomes.All)}.");
        validator.RuleFor(q => q.Filter.From).Must(f => InboxFilterInput.IsInstant(f!)).When(q => q.Filter.From is not null)
            .OverridePropertyName("from").WithMessage(InstantMessage("from"));
        validator.RuleFor(q => q.Filter.To).Must(t => InboxFilterInput.IsInstant(t!)).When(q => q.Filter.To is not null)
            .OverridePropertyName("to").WithMessage(InstantMessage("to"));
        validator.RuleFor(q => q.Filter).Must(f => f.ToFilter() is var parsed && parsed.From <= parsed.To)
            .When(q => q.Filter is { From: { } from, To: { } to } && InboxFilterInput.IsInstant(from) && InboxFilterInput.IsInstant(to))
            .OverridePropertyName("to").WithMessage("to must not be before from.");
        validator.RuleFor(q => q.Filter.Q).Must(text => !string.IsNullOrWhiteSpace(text)).When(q => q.Filter.Q is not null)
            .OverridePropertyName("q").WithMessage("q must not be blank.")
            .MaximumLength(InboxFilterInput.MaxTextLength).OverridePropertyName("q")
            .WithMessage($"q must be at most {InboxFilterInput.MaxTextLength} characters.");
    }

    private static string InstantMessage(string name) =>
        $"{name} must be an ISO 8601 date (2026-12-01) or date-time with an offset (2026-12-01T09:30:00Z).";
}

/// <summary>A request filtered like the inbox.</summary>
public interface IInboxRequest
{
    InboxFilterInput Filter { get; }
}
