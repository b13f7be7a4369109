using CleanRag.Application.Chat;
using CleanRag.Application.Conversations;

namespace CleanRag.Api.PublicChat;

/// <summary>A widget request that names a conversation or one of its messages, and so (through the directory) its project.</summary>
internal interface IWidgetConversationRequest
{
    Guid? ConversationId { get; }
    Guid? MessageId { get; }
    string? VisitorId { get; }
}

/// <summary>
/// The widget routes that name no project (polling, feedback, escalation): the conversation directory gives the project,
/// then the same scoping, CORS and limits as the widget chat apply (<see cref="WidgetFilter.AdmitAsync"/>). An unknown id
/// passes through to its 404.
/// </summary>
internal static class WidgetConversationFilter
{
    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;
        var services = http.RequestServices;
        var request = invocation.Arguments.OfType<IWidgetConversationRequest>().Single();
        var directory = services.GetRequiredService<IConversationDirectory>();
        var address = request.MessageId is { } messageId
            ? await directory.FindMessageAsync(messageId, http.RequestAborted)
            : request.ConversationId is { } conversationId
                ? await directory.FindConversationAsync(conversationId, http.RequestAborted)
                : null;
        if (address is null
            || await services.GetRequiredService<IPublicProjectDirectory>().FindAsync(address.ProjectId, http.RequestAborted) is not { } project)
        {
            return await next(invocation);
        }
        return await WidgetFilter.AdmitAsync(invocation, next, project, request.VisitorId);
    }
}
