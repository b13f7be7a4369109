using CleanRag.Domain.Projects;

namespace CleanRag.Domain.Tests.Projects;

public class OfficeHoursTests
{
    private static readonly TimeSpan Nine = TimeSpan.FromHours(9);
    private static readonly TimeSpan Five = TimeSpan.FromHours(17);

    private static OfficeHours Paris(params OpeningRange[] weekly) => new(true, "Europe/Paris", weekly, "Back soon.");

    private static OpeningRange[] WeekdaysNineToFive() =>
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(day => new OpeningRange(day, Nine, Five))];

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Test]
    public void Hours_are_wall_clock_times_in_the_projects_time_zone()
    {
        var hours = Paris(WeekdaysNineToFive());

        // Wednesday 2 December 2026, Paris is UTC+1 in winter.
        hours.IsOpenAt(At("2026-12-02T08:00:00Z")).Should().BeTrue("09:00 in Paris");
        hours.IsOpenAt(At("2026-12-02T07:59:00Z")).Should().BeFalse("08:59 in Paris");
        hours.IsOpenAt(At("2026-12-02T15:59:00Z")).Should().BeTrue("16:59 in Paris");
        hours.IsOpenAt(At("2026-12-02T16:00:00Z")).Should().BeFalse("closing time is not open");
    }

    [Test]
    public void The_offset_follows_daylight_saving_time()
    {
        var hours = Paris(WeekdaysNineToFive());

        // Wednesday 1 July 2026, Paris is UTC+2.
        hours.IsOpenAt(At("2026-07-01T07:00:00Z")).Should().BeTrue("09:00 in Paris in summer");
        hours.IsOpenAt(At("2026-07-01T15:00:00Z")).Should().BeFalse("17:00 in Paris in summer");
    }

    [Test]
    public void A_day_without_ranges_is_closed_and_the_next_opening_is_the_next_open_day()
    {
        var hours = Paris(WeekdaysNineToFive());
        var saturdayNoon = At("2026-12-05T11:00:00Z");

        hours.IsOpenAt(saturdayNoon).Should().BeFalse();
        hours.NextOpeningAfter(saturdayNoon).Should().Be(At("2026-12-07T09:00:00+01:00"), "Monday 09:00 in Paris");
    }

    [Test]
    public void Several_ranges_a_day_leave_the_lunch_break_closed()
    {
        var hours = Paris(new OpeningRange(DayOfWeek.Monday, Nine, TimeSpan.FromHours(12)),
            new OpeningRange(DayOfWeek.Monday, TimeSpan.FromHours(14), Five));
        var mondayLunch = At("2026-12-07T12:30:00+01:00");

        hours.IsOpenAt(mondayLunch).Should().BeFalse();
        hours.NextOpeningAfter(mondayLunch).Should().Be(At("2026-12-07T14:00:00+01:00"));
        hours.IsOpenAt(At("2026-12-07T14:00:00+01:00")).Should().BeTrue();
    }

    [Test]
    public void There_is_no_next_opening_while_open()
    {
        Paris(WeekdaysNineToFive()).NextOpeningAfter(At("2026-12-02T10:00:00Z")).Should().BeNull();
    }

    [Test]
    public void Later_the_same_day_comes_before_the_next_day()
    {
        var hours = Paris(WeekdaysNineToFive());

        hours.NextOpeningAfter(At("2026-12-02T06:00:00+01:00")).Should().Be(At("2026-12-02T09:00:00+01:00"));
        hours.NextOpeningAfter(At("2026-12-02T18:00:00+01:00")).Should().Be(At("2026-12-03T09:00:00+01:00"));
    }

    [Test]
    public void A_week_with_one_open_day_reopens_a_week_later()
    {
        var hours = Paris(new OpeningRange(DayOfWeek.Monday, Nine, Five));

        hours.NextOpeningAfter(At("2026-12-07T18:00:00+01:00")).Should().Be(At("2026-12-14T09:00:00+01:00"));
    }

    [Test]
    public void A_night_shift_is_two_ranges_that_join_at_midnight()
    {
        var hours = Paris(new OpeningRange(DayOfWeek.Friday, TimeSpan.FromHours(22), OpeningRange.EndOfDay),
            new OpeningRange(DayOfWeek.Saturday, TimeSpan.Zero, TimeSpan.FromHours(6)));

        hours.IsOpenAt(At("2026-12-04T23:59:30+01:00")).Should().BeTrue();
        hours.IsOpenAt(At("2026-12-05T00:00:00+01:00")).Should().BeTrue();
        hours.IsOpenAt(At("2026-12-05T05:59:00+01:00")).Should().BeTrue();
        hours.IsOpenAt(At("2026-12-05T06:00:00+01:00")).Should().BeFalse();
        hours.NextOpeningAfter(At("2026-12-04T21:00:00+01:00")).Should().Be(At("2026-12-04T22:00:00+01:00"));
    }

    [Test]
    public void An_opening_inside_the_spring_forward_gap_opens_when_the_clocks_jump()
    {
        // Sunday 29 March 2026 in Paris: 02:00 CET becomes 03:00 CEST, so 02:30 never shows on the clock.
        var hours = Paris(new OpeningRange(DayOfWeek.Sunday, TimeSpan.FromHours(2.5), TimeSpan.FromHours(5)));

        hours.NextOpeningAfter(At("2026-03-29T00:30:00Z")).Should().Be(At("2026-03-29T01:00:00Z"), "03:00 CEST, the end of the gap");
        hours.IsOpenAt(At("2026-03-29T00:59:00Z")).Should().BeFalse("01:59 CET");
        hours.IsOpenAt(At("2026-03-29T01:00:00Z")).Should().BeTrue("03:00 CEST");
    }

    [Test]
    public void An_opening_in_the_repeated_autumn_hour_opens_at_its_first_occurrence()
    {
        // Sunday 25 October 2026 in Paris: 03:00 CEST becomes 02:00 CET, so 02:30 happens twice.
        var hours = Paris(new OpeningRange(DayOfWeek.Sunday, TimeSpan.FromHours(2.5), TimeSpan.FromHours(4)));

        hours.NextOpeningAfter(At("2026-10-24T22:00:00Z")).Should().Be(At("2026-10-25T02:30:00+02:00"));
    }

    [Test]
    public void Other_time_zones_are_honoured()
    {
        var hours = new OfficeHours(true, "America/New_York", [new OpeningRange(DayOfWeek.Wednesday, Nine, Five)], "Closed");

        // 14:00 UTC is 09:00 in New York in December (UTC-5), and 15:00 in Paris.
        hours.IsOpenAt(At("2026-12-02T14:00:00Z")).Should().BeTrue();
        hours.IsOpenAt(At("2026-12-02T13:59:00Z")).Should().BeFalse();
        hours.NextOpeningAfter(At("2026-12-02T12:00:00Z")).Should().Be(At("2026-12-02T14:00:00Z"));
    }

    [Test]
    public void Disabled_office_hours_are_always_open()
    {
        var hours = Paris(WeekdaysNineToFive()) with { Enabled = false };

        hours.IsOpenAt(At("2026-12-05T03:00:00Z")).Should().BeTrue();
        hours.NextOpeningAfter(At("2026-12-05T03:00:00Z")).Should().BeNull();
    }

    [Test]
    public void Enabled_without_any_range_is_always_closed_with_no_next_opening()
    {
        var hours = Paris();

        hours.IsOpenAt(At("2026-12-02T10:00:00Z")).Should().BeFalse();
        hours.NextOpeningAfter(At("2026-12-02T10:00:00Z")).Should().BeNull();
    }
}
