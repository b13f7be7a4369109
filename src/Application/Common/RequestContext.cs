using CleanRag.Application.ApiKeys;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Companies;

namespace CleanRag.Application.Common;

/// <summary>
/// The scoped holder behind <see cref="IRequestContext"/>: the API fills it after authenticating a
/// request; background consumers fill it for the tenant of the message they handle.
/// </summary>
public sealed class RequestContext : IRequestContext
{
    public Guid TenantId { get; private set; }
    public Guid UserId { get; private set; }
    public CompanyRole? Role { get; private set; }
    public ApiKeyCaller? ApiKey { get; private set; }
    public string? OwnOrigin { get; private set; }

    public void Set(Guid tenantId, Guid userId, CompanyRole? role = null)
    {
        TenantId = tenantId;
        UserId = userId;
        Role = role;
    }

    /// <summary>A request authenticated by an API key: it speaks for the key's company and project, not for a user.</summary>
    public void SetApiKey(ApiKeyCaller caller)
    {
        TenantId = caller.CompanyId;
        ApiKey = caller;
    }

    /// <summary>An anonymous request for a public resource of a known company (the widget of one of its projects).</summary>
    public void SetAnonymousTenant(Guid tenantId) => TenantId = tenantId;

    public void SetOwnOrigin(string origin) => OwnOrigin = origin;
}
