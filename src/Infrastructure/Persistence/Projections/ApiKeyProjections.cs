using CleanRag.Application.ApiKeys;
using CleanRag.Domain.ApiKeys;
using CleanRag.Infrastructure.ApiKeys;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using Marten.Events.Projections;

namespace CleanRag.Infrastructure.Persistence.Projections;

internal sealed class ApiKeyDetailsProjection : SingleStreamProjection<ApiKeyDetails, Guid>
{
    public static ApiKeyDetails Create(ApiKeyIssued e) => new()
    {
        Id = e.KeyId,
        ProjectId = e.ProjectId,
        Name = e.Name,
        Environment = e.Environment,
        Prefix = e.Prefix,
        Status = ApiKeyStatus.Active,
        CreatedAt = e.IssuedAt,
    };

    public void Apply(ApiKeyRevoked e, ApiKeyDetails view)
    {
        view.Status = ApiKeyStatus.Revoked;
        view.RevokedAt = e.RevokedAt;
        view.RevokedReason = e.Reason;
    }
}

/// <summary>Keeps the global key index: inline, so a revoked key stops working in the revocation's own transaction.</summary>
internal sealed partial class ApiKeyLookupProjection : EventProjection
{
    public void Project(IEvent<ApiKeyIssued> e, IDocumentOperations operations) =>
        operations.Insert(new ApiKeyLookup
        {
            Id = e.Data.KeyHash,
            KeyId = e.Data.KeyId,
            CompanyId = Guid.Parse(e.TenantId),
            ProjectId = e.Data.ProjectId,
            Environment = e.Data.Environment,
        });

    public void Project(IEvent<ApiKeyRevoked> e, IDocumentOperations operations) =>
        operations.Delete<ApiKeyLookup>(e.Data.KeyHash);
}
