using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Conversations.Inbox;
using Mediator;

namespace CleanRag.Application.Conversations.GetInboxConversation;

public sealed class GetInboxConversationQueryHandler(IReadStore readStore) : IQueryHandler<GetInboxConversationQuery, InboxConversation>
{
    // The read store sees the caller's company only, so another company's conversation is not found like an unknown one;
    // narrowed to a project (an API key's), another project's is not found either.
    public async ValueTask<InboxConversation> Handle(GetInboxConversationQuery query, CancellationToken cancellationToken)
    {
        var conversation = await readStore.LoadAsync<ConversationDetails>(query.ConversationId, cancellationToken);
        return conversation is not null && (query.ProjectId is null || conversation.ProjectId == query.ProjectId)
            ? InboxConversation.From(conversation)
            : throw new NotFoundException("Conversation");
    }
}
