using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using CleanRag.Domain.Conversations;
using Mediator;

namespace CleanRag.Application.Conversations.ListConversations;

public sealed class ListConversationsQueryHandler(IReadStore readStore)
    : IQueryHandler<ListConversationsQuery, IReadOnlyList<ConversationSummary>>
{
    public async ValueTask<IReadOnlyList<ConversationSummary>> Handle(ListConversationsQuery query, CancellationToken cancellationToken)
    {
        _ = await readStore.LoadAsync<ProjectDetails>(query.ProjectId, cancellationToken) ?? throw new NotFoundException("Project");
        var inHandling = TryParseHandling(query.Handling, out var handling) ? handling : (ConversationHandling?)null;
        var conversations = await readStore.ListAsync<ConversationDetails>(
            q => (inHandling is { } only
                    ? q.Where(c => c.ProjectId == query.ProjectId && (query.IncludeTest || !c.IsTest) && c.Handling == only)
                    : q.Where(c => c.ProjectId == query.ProjectId && (query.IncludeTest || !c.IsTest)))
                .OrderByDescending(c => c.LastMessageAt)
                .Skip((query.Page - 1) * query.PageSize)
                .Take(query.PageSize),
            cancellationToken);
        return conversations.Select(c => new ConversationSummary(
                c.Id, c.VisitorId, c.SessionId, c.Channel.ToString().ToLowerInvariant(), c.IsTest, c.StartedAt, c.LastMessageAt,
                c.MessageCount, c.Escalated, c.UnansweredCount + c.RefusedCount, c.Messages.LastOrDefault()?.Question, c.Handling.ToString().ToLowerInvariant(),
                c.HumanReplies.Count))
            .ToList();
    }

    public static bool TryParseHandling(string? value, out ConversationHandling handling)
    {
        handling = default;
        return value is not null && value.All(char.IsAsciiLetterLower) && Enum.TryParse(value, ignoreCase: true, out handling);
    }
}
