using System.IdentityModel.Tokens.Jwt;
using CleanRag.Application.Common;
using CleanRag.Application.Common.Interfaces;

namespace CleanRag.Api.Authentication;

/// <summary>
/// After authentication: fills the request context with the user from the token's subject and the
/// company and role from the server's membership records (never from token claims).
/// </summary>
internal sealed class CallerResolutionMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, RequestContext context, ICallerLookup callers)
    {
        if (http.User.Identity?.IsAuthenticated == true && await ResolveUserIdAsync(http, callers) is { } userId)
        {
            var membership = await callers.FindMembershipAsync(userId, http.RequestAborted);
            context.Set(membership?.CompanyId ?? Guid.Empty, userId, membership?.Role);
        }
        await next(http);
    }

    private static async Task<Guid?> ResolveUserIdAsync(HttpContext http, ICallerLookup callers)
    {
        var subject = http.User.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
        if (Guid.TryParse(subject, out var userId))
            return userId;
        var email = http.User.FindFirst(JwtRegisteredClaimNames.Email)?.Value;
        return email is null ? null : await callers.FindUserIdByEmailAsync(email, http.RequestAborted);
    }
}
