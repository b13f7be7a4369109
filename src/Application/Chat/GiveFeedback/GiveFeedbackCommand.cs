using Mediator;

namespace CleanRag.Application.Chat.GiveFeedback;

/// <summary>
/// A visitor rates an answer (helpful or not, with an optional comment). The API names the project from the
/// caller's key or the widget's project id; the conversation must belong to it.
/// </summary>
public sealed record GiveFeedbackCommand(Guid ProjectId, Guid ConversationId, Guid MessageId, bool? Helpful, string? Comment) : ICommand<FeedbackRecorded>;

public sealed record FeedbackRecorded(Guid ConversationId, Guid MessageId, bool Helpful);
