using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Conversations.Inbox;
using Mediator;

namespace CleanRag.Application.Conversations.ExportInbox;

public sealed class ExportInboxQueryHandler(IReadStore readStore, IConversationInbox inbox) : IQueryHandler<ExportInboxQuery, InboxExport>
{
    public async ValueTask<InboxExport> Handle(ExportInboxQuery query, CancellationToken cancellationToken)
    {
        // Checked now, so an unknown project is a 404 before the download starts.
        await InboxProjects.EnsureExistsAsync(readStore, query.ProjectId, cancellationToken);
        return new InboxExport(query.Format!, Read(query.Filter.ToFilter(), cancellationToken));
    }

    private async IAsyncEnumerable<InboxConversation> Read(InboxFilter filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var conversation in inbox.ReadAllAsync(filter, cancellationToken))
            yield return InboxConversation.From(conversation);
    }
}
