using CleanRag.Application.Common;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Conversations;
using Mediator;

namespace CleanRag.Application.Conversations.GetConversationHistory;

public sealed class GetConversationHistoryQueryHandler(AggregateHistoryReader history) : IQueryHandler<GetConversationHistoryQuery, AggregateHistory>
{
    public async ValueTask<AggregateHistory> Handle(GetConversationHistoryQuery query, CancellationToken cancellationToken) =>
        await history.ReadAsync<Conversation>(query.ConversationId, query.Version, query.AsOf, "Conversation",
            belongs: conversation => conversation.ProjectId == query.ProjectId, snapshot: ConversationSnapshot.From, cancellationToken);
}

/// <summary>A conversation's state as the audit API shows it: who handled it then, and the team's replies so far.</summary>
public sealed record ConversationSnapshot(
    Guid Id, Guid ProjectId, string VisitorId, bool EscalationRequested, IReadOnlyList<Conversation.Turn> Turns, long Version, string Handling,
    IReadOnlyList<Guid> HumanReplyIds)
{
    public static ConversationSnapshot From(Conversation conversation) =>
        new(conversation.Id, conversation.ProjectId, conversation.VisitorId, conversation.EscalationRequested, conversation.Turns, conversation.Version,
            conversation.Handling.ToString().ToLowerInvariant(), conversation.HumanReplyIds);
}
