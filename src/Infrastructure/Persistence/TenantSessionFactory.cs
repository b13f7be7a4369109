using CleanRag.Application.Common.Interfaces;
using Marten;

namespace CleanRag.Infrastructure.Persistence;

/// <summary>
/// Opens the request's Marten sessions for the caller's tenant, so conjoined tenancy filters every
/// read-model query in the database. (Writes go through <see cref="MartenEventStore"/>.)
/// </summary>
internal sealed class TenantSessionFactory(IDocumentStore store, IRequestContext context) : ISessionFactory
{
    public IQuerySession QuerySession() => store.QuerySession(TenantIds.For(context.TenantId));

    public IDocumentSession OpenSession() => store.LightweightSession(TenantIds.For(context.TenantId));
}

/// <summary>How a company id is spelled as a Marten tenant id.</summary>
internal static class TenantIds
{
    public static string For(Guid tenantId) =>
        tenantId == Guid.Empty ? JasperFx.StorageConstants.DefaultTenantId : tenantId.ToString();
}
