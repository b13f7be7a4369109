using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Conversations;
using Mediator;

namespace CleanRag.Application.Conversations.GetConversationHistory;

public sealed class GetConversationHistoryQueryHandler(IEventStore eventStore) : IQueryHandler<GetConversationHistoryQuery, AggregateHistory>
{
    public async ValueTask<AggregateHistory> Handle(GetConversationHistoryQuery query, CancellationToken cancellationToken)
    {
        var current = await eventStore.LoadAsync<Conversation>(query.ConversationId, cancellationToken);
        if (current is null || current.ProjectId != query.ProjectId)
            throw new NotFoundException("Conversation");
        var events = await eventStore.ReadStreamAsync(query.ConversationId, cancellationToken);
        if (query.Version is null && query.AsOf is null)
            return new AggregateHistory(query.ConversationId, current.Version, null, events);

        var past = query.Version is { } version
            ? await eventStore.LoadAtVersionAsync<Conversation>(query.ConversationId, version, cancellationToken)
            : await eventStore.LoadAtTimeAsync<Conversation>(query.ConversationId, query.AsOf!.Value, cancellationToken);
        if (past is null || past.Version == 0)
            throw new NotFoundException("Conversation at that point");
        return new AggregateHistory(query.ConversationId, past.Version, ConversationSnapshot.From(past),
            events.Where(e => e.Version <= past.Version).ToList());
    }
}

/// <summary>A conversation's state as the audit API shows it.</summary>
public sealed record ConversationSnapshot(Guid Id, Guid ProjectId, string VisitorId, bool EscalationRequested, IReadOnlyList<Conversation.Turn> Turns, long Version)
{
    public static ConversationSnapshot From(Conversation conversation) =>
        new(conversation.Id, conversation.ProjectId, conversation.VisitorId, conversation.EscalationRequested, conversation.Turns, conversation.Version);
}
