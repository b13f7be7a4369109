using Mediator;

namespace CleanRag.Application.Plans.GetBillingSummary;

public sealed class GetBillingSummaryQueryHandler(CompanyPlans plans, IPlanUsageReader usage, TimeProvider clock)
    : IQueryHandler<GetBillingSummaryQuery, BillingSummary>
{
    public async ValueTask<BillingSummary> Handle(GetBillingSummaryQuery query, CancellationToken cancellationToken)
    {
        var plan = await plans.CurrentAsync(cancellationToken);
        var period = BillingPeriod.Containing(clock.GetUtcNow());
        var stored = await usage.StoredDocumentsAsync(excludingDocumentId: null, cancellationToken);
        var messages = await usage.CountMessagesAsync(period, cancellationToken);
        return new BillingSummary(plan.Name, plan.Limits, plan.Features,
            new PlanUsage(await usage.CountProjectsAsync(cancellationToken), stored.Documents, stored.Bytes, messages.Visitor, messages.Test),
            period);
    }
}
