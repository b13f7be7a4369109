using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Leads;

namespace CleanRag.Infrastructure.Persistence;

/// <summary>Stages leads in the unit of work's session of the current tenant (the reaction's company).</summary>
internal sealed class MartenLeadInbox(MartenUnitOfWork unitOfWork, IRequestContext context) : ILeadInbox
{
    public void Add(Lead lead) => unitOfWork.SessionFor(context.TenantId).Store(lead);
}
