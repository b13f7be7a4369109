using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Plans.GetBillingSummary;

/// <summary>The company's plan (limits and features) and what it uses this month.</summary>
[Authorize(CompanyRole.Member)]
public sealed record GetBillingSummaryQuery : IQuery<BillingSummary>;

/// <param name="Usage">Now, except <see cref="PlanUsage.Messages"/>: questions asked in <paramref name="Period"/>.</param>
public sealed record BillingSummary(string Plan, PlanLimits Limits, IReadOnlyDictionary<string, bool> Features, PlanUsage Usage, BillingPeriod Period);

/// <param name="Messages">Visitors' questions this month (widget and live keys): what <c>MessagesPerMonth</c> limits.</param>
/// <param name="TestMessages">Questions of test conversations this month (dashboard test chat, test keys): not limited.</param>
public sealed record PlanUsage(int Projects, int Documents, long StorageBytes, int Messages, int TestMessages);
