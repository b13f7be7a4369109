using CleanRag.Application.ApiKeys;
using CleanRag.Domain.Companies;

namespace CleanRag.Application.Common.Interfaces;

/// <summary>
/// Who is calling, resolved server-side for each request: the authenticated user, and the company
/// (tenant) and role looked up for that user. The tenant id scopes every read and write.
/// </summary>
public interface IRequestContext
{
    /// <summary>The company the caller belongs to; <see cref="Guid.Empty"/> when none.</summary>
    Guid TenantId { get; }

    /// <summary>The signed-in user; <see cref="Guid.Empty"/> when anonymous.</summary>
    Guid UserId { get; }

    /// <summary>The caller's role in <see cref="TenantId"/>; null without a company.</summary>
    CompanyRole? Role { get; }

    /// <summary>The API key the request was authenticated with (public chat); null for dashboard users.</summary>
    ApiKeyCaller? ApiKey { get; }

    /// <summary>This API's own origin as the caller reached it (it serves the widget preview page there); null outside HTTP requests.</summary>
    string? OwnOrigin { get; }

    bool IsAuthenticated => UserId != Guid.Empty;
}
