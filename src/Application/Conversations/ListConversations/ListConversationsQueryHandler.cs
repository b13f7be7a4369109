using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using Mediator;

namespace CleanRag.Application.Conversations.ListConversations;

public sealed class ListConversationsQueryHandler(IReadStore readStore)
    : IQueryHandler<ListConversationsQuery, IReadOnlyList<ConversationSummary>>
{
    public async ValueTask<IReadOnlyList<ConversationSummary>> Handle(ListConversationsQuery query, CancellationToken cancellationToken)
    {
        _ = await readStore.LoadAsync<ProjectDetails>(query.ProjectId, cancellationToken) ?? throw new NotFoundException("Project");
        var conversations = await readStore.ListAsync<ConversationDetails>(
            q => q.Where(c => c.ProjectId == query.ProjectId && (query.IncludeTest || !c.IsTest))
                .OrderByDescending(c => c.LastMessageAt)
                .Skip((query.Page - 1) * query.PageSize)
                .Take(query.PageSize),
            cancellationToken);
        return conversations.Select(c => new ConversationSummary(
                c.Id, c.VisitorId, c.SessionId, c.Channel.ToString().ToLowerInvariant(), c.IsTest, c.StartedAt, c.LastMessageAt,
                c.MessageCount, c.Escalated, c.UnansweredCount, c.Messages.LastOrDefault()?.Question))
            .ToList();
    }
}
