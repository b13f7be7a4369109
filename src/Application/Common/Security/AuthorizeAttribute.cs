using CleanRag.Domain.Companies;

namespace CleanRag.Application.Common.Security;

/// <summary>
/// Declares who may send a command or query; enforced by the authorization behaviour. Messages
/// without it are public (sign-up, log-in).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AuthorizeAttribute : Attribute
{
    /// <summary>A signed-in user, with or without a company.</summary>
    public AuthorizeAttribute() { }

    /// <summary>A member of a company with at least <paramref name="minimumRole"/>.</summary>
    public AuthorizeAttribute(CompanyRole minimumRole) => MinimumRole = minimumRole;

    public CompanyRole? MinimumRole { get; }
}

/// <summary>Declares a message that only a valid API key may send (the public chat API); enforced by the authorization behaviour.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AuthorizeApiKeyAttribute : Attribute
{
    /// <summary>One message for a missing, unknown or revoked key, so the answer does not say which.</summary>
    public const string FailureMessage = "A valid API key is required (X-CleanRag-Key or Authorization: Bearer).";
}
