using CleanRag.Application.Webhooks;

namespace CleanRag.Infrastructure.Tests.Webhooks;

public class RetryScheduleTests
{
    private static readonly TimeSpan[] Delays = [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromHours(6)];

    [Test]
    public void Each_retry_waits_its_configured_delay_within_twenty_percent_jitter()
    {
        var schedule = new RetrySchedule(Delays, 0.2);

        for (var attempt = 1; attempt <= Delays.Length; attempt++)
        {
            var samples = Enumerable.Range(0, 200).Select(_ => schedule.DelayAfter(attempt)!.Value).ToList();
            samples.Should().OnlyContain(d => d >= Delays[attempt - 1] * 0.8 && d <= Delays[attempt - 1] * 1.2);
            samples.Distinct().Count().Should().BeGreaterThan(100, "jitter spreads retries that failed together");
        }
    }

    [Test]
    public void After_the_last_delay_there_is_no_further_attempt()
    {
        var schedule = new RetrySchedule(Delays, 0.2);

        schedule.DelayAfter(Delays.Length + 1).Should().BeNull();
        new RetrySchedule(Delays, 0).DelayAfter(2).Should().Be(TimeSpan.FromMinutes(2));
    }

    [Test]
    public void A_delivery_is_retried_on_schedule_then_failed_and_a_redelivery_starts_a_new_round()
    {
        var schedule = new RetrySchedule([TimeSpan.FromSeconds(10)], 0);
        var now = DateTimeOffset.UnixEpoch;
        var delivery = new WebhookDelivery { Status = WebhookDeliveryStatus.Pending, NextAttemptAt = now };
        var failure = new WebhookAttemptResult(503, 12, "The receiver answered 503.");

        delivery.RecordAttempt(failure, schedule, now);
        delivery.Should().Match<WebhookDelivery>(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt == now.AddSeconds(10));
        delivery.RecordAttempt(failure, schedule, now.AddSeconds(10));
        delivery.Should().Match<WebhookDelivery>(d => d.Status == WebhookDeliveryStatus.Failed && d.NextAttemptAt == null && d.Attempts == 2);

        delivery.Restart(now.AddMinutes(1));
        delivery.RecordAttempt(new WebhookAttemptResult(200, 5, null), schedule, now.AddMinutes(1));
        delivery.Should().Match<WebhookDelivery>(d => d.Status == WebhookDeliveryStatus.Delivered && d.Attempts == 3 && d.RoundAttempts == 1
                                                      && d.LastStatusCode == 200 && d.LastError == null);
    }
}
