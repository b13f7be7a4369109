namespace CleanRag.Application.Plans;

/// <summary>The calendar month (UTC) that message quotas count in: from its first instant up to the next month's first.</summary>
public sealed record BillingPeriod(DateTimeOffset Start, DateTimeOffset End)
{
    public static BillingPeriod Containing(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        var start = new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
        return new BillingPeriod(start, start.AddMonths(1));
    }
}
