using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Conversations.Inbox;
using Mediator;

namespace CleanRag.Application.Conversations.ListInbox;

public sealed class ListInboxQueryHandler(IReadStore readStore, IConversationInbox inbox) : IQueryHandler<ListInboxQuery, InboxPage>
{
    public async ValueTask<InboxPage> Handle(ListInboxQuery query, CancellationToken cancellationToken)
    {
        await InboxProjects.EnsureExistsAsync(readStore, query.ProjectId, cancellationToken);
        var limit = query.Limit ?? ListInboxQuery.DefaultLimit;
        var after = InboxCursor.TryDecode(query.Cursor, out var cursor) ? cursor : null;
        // One more than asked says whether another page follows, without a count over the whole inbox.
        var conversations = await inbox.ListAsync(query.Filter.ToFilter(), after, limit + 1, cancellationToken);
        var page = conversations.Take(limit).ToList();
        var next = conversations.Count > limit ? new InboxCursor(page[^1].LastMessageAt, page[^1].Id).Encode() : null;
        return new InboxPage(page.Select(InboxItem.From).ToList(), next);
    }
}
