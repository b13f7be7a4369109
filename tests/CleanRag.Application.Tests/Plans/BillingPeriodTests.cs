using CleanRag.Application.Plans;

namespace CleanRag.Application.Tests.Plans;

public class BillingPeriodTests
{
    [Test]
    public void The_period_is_the_calendar_month_in_utc()
    {
        var period = BillingPeriod.Containing(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero));

        period.Start.Should().Be(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        period.End.Should().Be(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Test]
    public void A_local_time_is_placed_by_its_utc_instant()
    {
        // 00:30 on 1 December in Paris is still 30 November in UTC.
        var period = BillingPeriod.Containing(new DateTimeOffset(2026, 12, 1, 0, 30, 0, TimeSpan.FromHours(1)));

        period.Start.Should().Be(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        period.End.Should().Be(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
    }
}
