using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Conversations.Inbox;
using Mediator;

namespace CleanRag.Application.Conversations.GetInboxConversation;

public sealed class GetInboxConversationQueryHandler(IReadStore readStore) : IQueryHandler<GetInboxConversationQuery, InboxConversation>
{
    // The read store sees the caller's company only, so another company's conversation is not found like an unknown one.
    public async ValueTask<InboxConversation> Handle(GetInboxConversationQuery query, CancellationToken cancellationToken) =>
        InboxConversation.From(await readStore.LoadAsync<ConversationDetails>(query.ConversationId, cancellationToken)
                               ?? throw new NotFoundException("Conversation"));
}
