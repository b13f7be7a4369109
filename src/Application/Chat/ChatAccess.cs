using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Projects;
using CleanRag.Domain.Conversations;
using CleanRag.Domain.Projects;

namespace CleanRag.Application.Chat;

/// <summary>
/// Who may write to a project's chat, by channel: every public write (a question, a rating) passes the same checks.
/// The dashboard's test chat answers members in any status; the API needs a deployed (indexing or live) project and, from a browser, an
/// allowed origin; the widget also needs the widget enabled and always an allowed origin. The API's own origin
/// (<c>ownOrigin</c>) is allowed for the widget: the dashboard's widget preview page is served there.
/// </summary>
public static class ChatAccess
{
    public static ProjectDetails Ensure(ProjectDetails? project, ConversationChannel channel, string? origin, string? ownOrigin)
    {
        if (project is null || project.Status == ProjectStatus.Archived)
            throw new NotFoundException("Project");
        if (channel == ConversationChannel.Dashboard)
            return project;
        if (channel == ConversationChannel.Widget && !project.Settings.WidgetEnabled)
            throw new ForbiddenException("The chat widget is not enabled for this project.", "widget_disabled");
        IReadOnlyList<string> allowedOrigins = channel == ConversationChannel.Widget && ownOrigin is not null
            ? [.. project.Settings.AllowedOrigins, ownOrigin]
            : project.Settings.AllowedOrigins;
        OriginPolicy.Enforce(allowedOrigins, origin, browserOnly: channel == ConversationChannel.Widget);
        // Seed 001: a key works as soon as deploy returns; while the first documents index, the answer says so.
        if (project.Status == ProjectStatus.Draft)
            throw new ConflictException("project_not_live", "The project is not live yet; deploy it first.");
        return project;
    }
}
