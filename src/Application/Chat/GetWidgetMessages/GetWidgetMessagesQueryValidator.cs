using System.Globalization;
using FluentValidation;

namespace CleanRag.Application.Chat.GetWidgetMessages;

public sealed class GetWidgetMessagesQueryValidator : AbstractValidator<GetWidgetMessagesQuery>
{
    public GetWidgetMessagesQueryValidator()
    {
        RuleFor(q => q.ConversationId).Must(id => Guid.TryParse(id, out var parsed) && parsed != Guid.Empty)
            .WithName("conversationId").WithMessage("conversationId is required and must be a conversation id (a UUID).");
        RuleFor(q => q.Since).Must(since => TryParseSince(since, out _)).When(q => q.Since is not null)
            .WithName("since").WithMessage("since must be an ISO 8601 time, like 2026-04-18T11:20:00Z.");
    }

    public static bool TryParseSince(string? since, out DateTimeOffset parsed) =>
        DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out parsed);
}
