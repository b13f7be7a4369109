using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Conversations.GetConversation;

public sealed class GetConversationQueryHandler(IReadStore readStore) : IQueryHandler<GetConversationQuery, ConversationDetails>
{
    public async ValueTask<ConversationDetails> Handle(GetConversationQuery query, CancellationToken cancellationToken)
    {
        var conversation = await readStore.LoadAsync<ConversationDetails>(query.ConversationId, cancellationToken);
        return conversation is not null && conversation.ProjectId == query.ProjectId
            ? conversation
            : throw new NotFoundException("Conversation");
    }
}
