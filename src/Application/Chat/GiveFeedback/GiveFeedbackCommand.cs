using CleanRag.Domain.Conversations;
using CleanRag.Application.Common;
using Mediator;

namespace CleanRag.Application.Chat.GiveFeedback;

/// <summary>
/// A visitor rates an answer (helpful or not, with an optional comment). The API names the project from the
/// caller's key or the widget's project id; the conversation must belong to it, and the rating passes the same
/// checks as a question on that <paramref name="Channel"/> (see <see cref="ChatAccess"/>). A turn recorded meanwhile in the
/// same conversation makes it run again.
/// </summary>
public sealed record GiveFeedbackCommand(
    Guid ProjectId, Guid ConversationId, Guid MessageId, bool? Helpful, string? Comment, ConversationChannel Channel, string? Origin)
    : ICommand<FeedbackRecorded>, IRetryOnConcurrencyConflict;

public sealed record FeedbackRecorded(Guid ConversationId, Guid MessageId, bool Helpful);
