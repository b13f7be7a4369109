using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CleanRag.Api.Widget;

/// <summary>
/// Short-lived links to a project's preview page. A browser navigation (an iframe, a new tab) cannot carry the
/// dashboard's bearer token, so a member asks for a link with the token and the page is served to whoever holds the
/// link until it expires. The link names the project, encrypted and signed with ASP.NET Core data protection (in a
/// deployment of several instances, their key ring must be shared, as for any data-protected value).
/// </summary>
internal sealed class WidgetPreviewLinks(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("CleanRag.Widget.PreviewLink").ToTimeLimitedDataProtector();

    public (string Token, DateTimeOffset ExpiresAt) Create(Guid projectId)
    {
        var expiresAt = clock.GetUtcNow() + Lifetime;
        return (_protector.Protect(projectId.ToString("N"), expiresAt), expiresAt);
    }

    /// <summary>The project a token names, or null when it is forged, tampered with or expired.</summary>
    public Guid? Read(string token)
    {
        try
        {
            return Guid.TryParseExact(_protector.Unprotect(token, out var expiresAt), "N", out var projectId) && expiresAt > clock.GetUtcNow()
                ? projectId
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
