using System.Globalization;
using CleanRag.Application.Common.Exceptions;

namespace CleanRag.Application.Plans;

/// <summary>
/// Refuses what the company's plan does not include: a feature (<c>403 plan_forbidden</c>), a project, document or byte
/// beyond the plan's limits (<c>403 plan_limit_reached</c>), a visitor's question beyond the month's messages
/// (<c>429 message_quota_exceeded</c>, until the next month). Handlers call it before they decide anything.
/// </summary>
public sealed class PlanGuard(CompanyPlans plans, IPlanUsageReader usage, TimeProvider clock)
{
    public const string Forbidden = "plan_forbidden";
    public const string LimitReached = "plan_limit_reached";
    public const string QuotaExceeded = "message_quota_exceeded";

    /// <summary>Whether the company's plan includes <paramref name="feature"/> (one of <see cref="Features"/>).</summary>
    public async Task<bool> AllowsAsync(string feature, CancellationToken cancellationToken) =>
        (await plans.CurrentAsync(cancellationToken)).Allows(feature);

    public async Task EnsureAllowsAsync(string feature, CancellationToken cancellationToken)
    {
        var plan = await plans.CurrentAsync(cancellationToken);
        if (!plan.Allows(feature))
            throw new ForbiddenException($"The {plan.Name} plan does not include the {feature} feature.", Forbidden);
    }

    public async Task EnsureCanAddProjectAsync(CancellationToken cancellationToken)
    {
        var plan = await plans.CurrentAsync(cancellationToken);
        if (plan.Limits.Projects is { } maximum && await usage.CountProjectsAsync(cancellationToken) + 1 > maximum)
            throw new ForbiddenException(
                $"The {plan.Name} plan allows {Count(maximum, "project")}; archive one or change plan.", LimitReached);
    }

    /// <summary>
    /// Refuses <paramref name="newDocuments"/> more documents, and <paramref name="newBytes"/> more stored bytes, beyond the
    /// plan; a new version of <paramref name="replacing"/> counts its bytes instead of the version it replaces.
    /// </summary>
    public async Task EnsureCanStoreAsync(int newDocuments, long newBytes, Guid? replacing, CancellationToken cancellationToken)
    {
        var plan = await plans.CurrentAsync(cancellationToken);
        if (plan.Limits.Documents is null && plan.Limits.StorageBytes is null)
            return;
        var stored = await usage.StoredDocumentsAsync(replacing, cancellationToken);
        // A new version replaces a document rather than adding one, so it is only held to the storage limit.
        if (replacing is null && plan.Limits.Documents is { } documents && stored.Documents + newDocuments > documents)
            throw new ForbiddenException(
                $"The {plan.Name} plan allows {Count(documents, "document")} and the workspace has {stored.Documents.ToString(CultureInfo.InvariantCulture)}; " +
                "delete some or change plan.", LimitReached);
        if (plan.Limits.StorageBytes is { } bytes && stored.Bytes + newBytes > bytes)
            throw new ForbiddenException(
                $"The {plan.Name} plan allows {plan.Limits.StorageMegabytes!.Value.ToString(CultureInfo.InvariantCulture)} MB of documents; " +
                "this upload would exceed it. Delete some or change plan.", LimitReached);
    }

    /// <summary>A visitor's question (widget or API key, not a test) within the month's messages.</summary>
    public async Task EnsureMessageQuotaAsync(CancellationToken cancellationToken)
    {
        var plan = await plans.CurrentAsync(cancellationToken);
        if (plan.Limits.MessagesPerMonth is not { } maximum)
            return;
        var now = clock.GetUtcNow();
        var period = BillingPeriod.Containing(now);
        if ((await usage.CountMessagesAsync(period, cancellationToken)).Visitor >= maximum)
            // Addressed to the visitor: the widget shows this message as it is.
            throw new TooManyRequestsException(QuotaExceeded,
                "Sorry, this assistant has answered all the questions it can this month. Please contact the team another way.",
                period.End - now);
    }

    private static string Count(int count, string noun) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {noun}{(count == 1 ? "" : "s")}";
}
