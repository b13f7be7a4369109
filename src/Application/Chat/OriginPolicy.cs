using CleanRag.Application.Common.Exceptions;

namespace CleanRag.Application.Chat;

/// <summary>
/// Which browser pages may call a project's chat: only exact scheme://host[:port] matches of its allowed
/// origins. An empty list denies every browser; a server-to-server call sends no Origin and is allowed
/// unless the endpoint is browser-only (the widget).
/// </summary>
public static class OriginPolicy
{
    public static bool Allows(IReadOnlyList<string> allowedOrigins, string? origin) =>
        origin is { Length: > 0 } && allowedOrigins.Any(allowed => string.Equals(Normalize(allowed), Normalize(origin), StringComparison.Ordinal));

    /// <summary>Throws 403 <c>origin_not_allowed</c> unless the caller may use the project from where it is.</summary>
    public static void Enforce(IReadOnlyList<string> allowedOrigins, string? origin, bool browserOnly)
    {
        if (string.IsNullOrEmpty(origin))
        {
            if (browserOnly)
                throw new ForbiddenException("The widget answers only pages of the project's allowed origins, and this request has no Origin.",
                    "origin_not_allowed");
            return;
        }
        if (!Allows(allowedOrigins, origin))
            throw new ForbiddenException($"The origin {origin} is not in the project's allowed origins.", "origin_not_allowed");
    }

    // Scheme and host are case-insensitive in URLs; the rest of an origin must match exactly.
    private static string Normalize(string origin) => origin.Trim().TrimEnd('/').ToLowerInvariant();
}
