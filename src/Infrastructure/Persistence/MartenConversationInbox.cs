using System.Runtime.CompilerServices;
using CleanRag.Application.Conversations;
using CleanRag.Application.Conversations.Inbox;
using Marten;
using Marten.Linq.MatchesSql;

namespace CleanRag.Infrastructure.Persistence;

/// <summary>
/// The inbox over <see cref="ConversationDetails"/> in the request's tenant-scoped query session: every filter is SQL, the text
/// search uses the full-text index on <see cref="ConversationDetails.SearchText"/> (websearch_to_tsquery, so any input is a
/// valid query), and the order and cursor use the duplicated <c>last_message_at</c> column with the id as tie-break.
/// </summary>
internal sealed class MartenConversationInbox(IQuerySession session) : IConversationInbox
{
    public async Task<IReadOnlyList<ConversationDetails>> ListAsync(
        InboxFilter filter, InboxCursor? after, int count, CancellationToken cancellationToken)
    {
        var query = Filtered(filter);
        if (after is not null)
        {
            // Row comparison in the same order as the ORDER BY below (PostgreSQL compares uuids bytewise in both).
            var at = after.LastMessageAt.ToUniversalTime();
            var id = after.Id;
            query = query.Where(c => c.MatchesSql("(d.last_message_at, d.id) < (?, ?)", at, id));
        }
        return await InboxOrder(query).Take(count).ToListAsync(cancellationToken);
    }

    public async IAsyncEnumerable<ConversationDetails> ReadAllAsync(InboxFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var conversation in InboxOrder(Filtered(filter)).ToAsyncEnumerable(cancellationToken))
            yield return conversation;
    }

    private static IQueryable<ConversationDetails> InboxOrder(IQueryable<ConversationDetails> query) =>
        query.OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id);

    private IQueryable<ConversationDetails> Filtered(InboxFilter filter)
    {
        IQueryable<ConversationDetails> query = session.Query<ConversationDetails>();
        if (filter.ProjectId is { } projectId)
            query = query.Where(c => c.ProjectId == projectId);
        if (filter.Handling is { } handling)
            query = query.Where(c => c.Handling == handling);
        if (filter.ReviewStatus is { } status)
            query = query.Where(c => c.ReviewStatus == status);
        if (filter.Rating is { } rating)
            query = query.Where(c => c.Rating == rating);
        query = filter.Outcome switch
        {
            ConversationOutcomes.Answered => query.Where(c => c.AnsweredCount > 0),
            ConversationOutcomes.Unanswered => query.Where(c => c.UnansweredCount > 0),
            ConversationOutcomes.Refused => query.Where(c => c.RefusedCount > 0),
            _ => query,
        };
        if (filter.HasNegativeFeedback is { } negative)
            query = negative ? query.Where(c => c.NegativeFeedbackCount > 0) : query.Where(c => c.NegativeFeedbackCount == 0);
        if (filter.IsTest is { } isTest)
            query = query.Where(c => c.IsTest == isTest);
        if (filter.From is { } from)
        {
            var utcFrom = from.ToUniversalTime();
            query = query.Where(c => c.LastMessageAt >= utcFrom);
        }
        if (filter.To is { } to)
        {
            var utcTo = to.ToUniversalTime();
            query = query.Where(c => c.LastMessageAt <= utcTo);
        }
        if (filter.Text is { Length: > 0 } text)
            query = query.Where(c => c.WebStyleSearch(text));
        return query;
    }
}
