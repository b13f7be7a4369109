using CleanRag.Application.Common.Interfaces;
using Marten;

namespace CleanRag.Infrastructure.Persistence;

/// <summary>
/// Opens every request's Marten session for the caller's tenant, so Marten's conjoined tenancy filters
/// every query and stamps every write with the tenant id. The acting user is recorded on each event.
/// </summary>
internal sealed class TenantSessionFactory(IDocumentStore store, IRequestContext context) : ISessionFactory
{
    public IQuerySession QuerySession() => store.QuerySession(TenantId);

    public IDocumentSession OpenSession()
    {
        var session = store.LightweightSession(TenantId);
        if (context.UserId != Guid.Empty)
            session.LastModifiedBy = context.UserId.ToString();
        return session;
    }

    private string TenantId => TenantIds.For(context.TenantId);
}

/// <summary>How a company id is spelled as a Marten tenant id.</summary>
internal static class TenantIds
{
    public static string For(Guid tenantId) =>
        tenantId == Guid.Empty ? JasperFx.StorageConstants.DefaultTenantId : tenantId.ToString();
}
