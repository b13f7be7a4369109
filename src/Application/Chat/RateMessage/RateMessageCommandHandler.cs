using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Conversations;
using Mediator;

namespace CleanRag.Application.Chat.RateMessage;

public sealed class RateMessageCommandHandler(WidgetConversationAccess access, IAggregateStore aggregates, TimeProvider clock)
    : ICommandHandler<RateMessageCommand, MessageRated>
{
    public const string Positive = "positive";
    public const string Negative = "negative";

    public async ValueTask<MessageRated> Handle(RateMessageCommand command, CancellationToken cancellationToken)
    {
        var address = await access.MessageAsync(command.MessageId, command.Origin, cancellationToken);
        var conversation = await aggregates.LoadForUpdateAsync<Conversation>(address.ConversationId, cancellationToken)
                           ?? throw new NotFoundException("Message");
        aggregates.Append(conversation,
            conversation.GiveFeedback(command.MessageId, command.Rating == Positive, command.Reason, clock.GetUtcNow()));
        return new MessageRated(command.MessageId, command.Rating!);
    }
}
