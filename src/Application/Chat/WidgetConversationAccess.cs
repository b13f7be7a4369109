using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Conversations;
using CleanRag.Application.Projects;
using CleanRag.Domain.Conversations;

namespace CleanRag.Application.Chat;

/// <summary>
/// The widget's polling, feedback and escalation name only a conversation or a message. The id is found in the global
/// directory, must belong to the company the request was scoped to, and its project must pass the widget chat's checks
/// (<see cref="ChatAccess"/>: live, widget enabled, allowed origin). An unknown id and another company's id are the same 404.
/// </summary>
public sealed class WidgetConversationAccess(IConversationDirectory directory, IReadStore readStore, IRequestContext context)
{
    public async Task<ConversationAddress> ConversationAsync(Guid conversationId, string? origin, CancellationToken cancellationToken) =>
        await EnsureAsync(await directory.FindConversationAsync(conversationId, cancellationToken), "Conversation", origin, cancellationToken);

    public async Task<ConversationAddress> MessageAsync(Guid messageId, string? origin, CancellationToken cancellationToken) =>
        await EnsureAsync(await directory.FindMessageAsync(messageId, cancellationToken), "Message", origin, cancellationToken);

    private async Task<ConversationAddress> EnsureAsync(ConversationAddress? address, string what, string? origin, CancellationToken cancellationToken)
    {
        if (address is null || address.CompanyId != context.TenantId)
            throw new NotFoundException(what);
        ChatAccess.Ensure(await readStore.LoadAsync<ProjectDetails>(address.ProjectId, cancellationToken), ConversationChannel.Widget, origin, context.OwnOrigin);
        return address;
    }
}
