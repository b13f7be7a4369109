using CleanRag.Application.Conversations.Inbox;
using CleanRag.Domain.Conversations;

namespace CleanRag.Application.Tests.Conversations;

/// <summary>How the inbox reads its query string: dates and date-times, the review status names, and its opaque cursor.</summary>
public class InboxFilterInputTests
{
    [Test]
    public void A_from_date_starts_its_day_and_a_to_date_includes_all_of_its_day_in_utc()
    {
        var filter = new InboxFilterInput(From: "2026-12-01", To: "2026-12-01").ToFilter();

        filter.From.Should().Be(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        filter.To.Should().Be(new DateTimeOffset(2026, 12, 1, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_990));
    }

    [Test]
    public void A_date_time_must_carry_its_offset_and_is_read_as_that_instant()
    {
        new InboxFilterInput(From: "2026-12-01T10:30:00+02:00").ToFilter().From.Should().Be(new DateTimeOffset(2026, 12, 1, 8, 30, 0, TimeSpan.Zero));
        InboxFilterInput.IsInstant("2026-12-01T10:30:00Z").Should().BeTrue();
        InboxFilterInput.IsInstant("2026-12-01T10:30:00").Should().BeFalse("no time zone is assumed");
        InboxFilterInput.IsInstant("2026-02-30").Should().BeFalse();
        InboxFilterInput.IsInstant("01/12/2026").Should().BeFalse();
        InboxFilterInput.IsInstant("9999-12-31").Should().BeTrue();
        new InboxFilterInput(To: "9999-12-31").ToFilter().To.Should().BeBefore(DateTimeOffset.MaxValue);
    }

    [Test]
    public void Review_statuses_are_named_in_snake_case_both_ways()
    {
        InboxFilterInput.NameOf(ReviewStatus.NeedsFollowUp).Should().Be("needs_follow_up");
        InboxFilterInput.ParseReviewStatus("needs_follow_up").Should().Be(ReviewStatus.NeedsFollowUp);
        InboxFilterInput.IsReviewStatus("NeedsFollowUp").Should().BeFalse();
    }

    [Test]
    public void A_cursor_round_trips_and_anything_else_is_refused()
    {
        var cursor = new InboxCursor(new DateTimeOffset(2026, 12, 2, 10, 0, 0, 123, TimeSpan.FromHours(1)).AddTicks(4567), Guid.NewGuid());

        InboxCursor.TryDecode(cursor.Encode(), out var decoded).Should().BeTrue();

        decoded.Should().Be(cursor with { LastMessageAt = cursor.LastMessageAt.ToUniversalTime() });
        decoded.LastMessageAt.Should().Be(cursor.LastMessageAt, "the same instant, to the tick");
        foreach (var bad in new[] { "", "not-a-cursor", cursor.Encode() + "A", "MTIz", new string('A', 200) })
            InboxCursor.TryDecode(bad, out _).Should().BeFalse(bad);
    }
}
