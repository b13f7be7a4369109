using CleanRag.Application.Common;
using Mediator;

namespace CleanRag.Application.Chat.RateMessage;

/// <summary>
/// The widget's thumbs up/down (POST /api/widget/feedback), naming only the message: the bot's reply (the id from the
/// stream's <c>done</c> or from polling) or the visitor's question it answers. <paramref name="Reason"/> is kept verbatim.
/// </summary>
public sealed record RateMessageCommand(Guid MessageId, string? Rating, string? Reason, string? Origin)
    : ICommand<MessageRated>, IRetryOnConcurrencyConflict;

public sealed record MessageRated(Guid MessageId, string Rating);
