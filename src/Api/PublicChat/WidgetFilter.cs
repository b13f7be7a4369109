using CleanRag.Application.Chat;
using CleanRag.Application.Common;
using CleanRag.Application.Common.Interfaces;

namespace CleanRag.Api.PublicChat;

/// <summary>A widget request: it names its project, and so its company, in the body.</summary>
internal interface IWidgetRequest
{
    Guid? ProjectId { get; }
    string? VisitorId { get; }
}

/// <summary>
/// The widget tier has no key: the project named in the body decides the company the request is scoped to,
/// which pages may read the answer (CORS), and the limits per visitor (or IP address) and per project.
/// An unknown project passes through to its 404.
/// </summary>
internal static class WidgetFilter
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;
        var services = http.RequestServices;
        var request = invocation.Arguments.OfType<IWidgetRequest>().Single();
        if (request.ProjectId is not { } projectId
            || await services.GetRequiredService<IPublicProjectDirectory>().FindAsync(projectId, http.RequestAborted) is not { } project)
        {
            return await next(invocation);
        }

        return await AdmitAsync(invocation, next, project, request.VisitorId);
    }

    /// <summary>
    /// Scopes the request to the project's company, lets its allowed origins read the answer, and applies the limits per
    /// visitor (or IP address) and per project; shared by every widget route, whichever id names the project.
    /// </summary>
    public static async ValueTask<object?> AdmitAsync(
        EndpointFilterInvocationContext invocation, EndpointFilterDelegate next, PublicProject project, string? visitorId)
    {
        var http = invocation.HttpContext;
        var services = http.RequestServices;
        services.GetRequiredService<RequestContext>().SetAnonymousTenant(project.CompanyId);
        PublicChatHeaders.AddCors(http, project.AllowedOrigins);

        var defaults = services.GetRequiredService<RateLimitOptions>();
        var limiter = services.GetRequiredService<IRateLimiter>();
        var visitor = visitorId is { Length: > 0 } ? $"v:{visitorId}" : $"ip:{http.Connection.RemoteIpAddress}";
        var perVisitor = await limiter.AcquireAsync($"widget:{project.ProjectId}:{visitor}",
            project.RateLimits?.WidgetRequestsPerMinutePerVisitor ?? defaults.WidgetRequestsPerMinutePerVisitor, Window, http.RequestAborted);
        PublicChatHeaders.AddRateLimit(http.Response, perVisitor);
        if (!perVisitor.Allowed)
            return ApiKeyFilter.RateLimited(http, perVisitor, "You're sending messages a little too quickly.");

        var perProject = await limiter.AcquireAsync($"widget:{project.ProjectId}",
            project.RateLimits?.WidgetRequestsPerMinute ?? defaults.WidgetRequestsPerMinute, Window, http.RequestAborted);
        return perProject.Allowed
            ? await next(invocation)
            : ApiKeyFilter.RateLimited(http, perProject, "This assistant is very busy right now.");
    }
}
