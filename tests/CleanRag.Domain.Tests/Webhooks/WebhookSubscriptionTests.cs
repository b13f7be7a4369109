using CleanRag.Domain.Common;
using CleanRag.Domain.Webhooks;

namespace CleanRag.Domain.Tests.Webhooks;

public class WebhookSubscriptionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static WebhookSubscription Subscribed(params string[] events)
    {
        var webhook = new WebhookSubscription();
        webhook.ApplyEvent(WebhookSubscription.Subscribe(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), " https://hooks.example.com/in ",
            events, active: true, "v1.protected", Guid.NewGuid(), Now));
        return webhook;
    }

    [Test]
    public void A_subscription_keeps_each_known_event_type_once_and_starts_active()
    {
        var webhook = Subscribed("lead.created", " document.failed", "lead.created");

        webhook.Url.Should().Be("https://hooks.example.com/in");
        webhook.Events.Should().Equal("lead.created", "document.failed");
        webhook.Active.Should().BeTrue();
    }

    [TestCase(new string[0], "no_events")]
    [TestCase(new[] { "lead.created", "ping" }, "unknown_event")]
    [TestCase(new[] { "order.shipped" }, "unknown_event")]
    public void Unknown_or_missing_event_types_are_refused(string[] events, string code) =>
        FluentActions.Invoking(() => Subscribed(events)).Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be(code);

    [Test]
    public void Disabling_records_why_and_enabling_clears_it()
    {
        var webhook = Subscribed("lead.created");

        webhook.ApplyEvent(webhook.Disable(WebhookDisableReason.ConsecutiveFailures, Now));
        webhook.Should().Match<WebhookSubscription>(w => !w.Active && w.DisabledReason == WebhookDisableReason.ConsecutiveFailures);
        webhook.Invoking(w => w.Disable(WebhookDisableReason.Admin, Now)).Should().Throw<DomainRuleViolationException>()
            .Which.Code.Should().Be("webhook_inactive");

        webhook.ApplyEvent(webhook.Enable(Now));
        webhook.Should().Match<WebhookSubscription>(w => w.Active && w.DisabledReason == null);
        webhook.Invoking(w => w.Enable(Now)).Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("webhook_active");
    }

    [Test]
    public void A_deleted_webhook_cannot_change()
    {
        var webhook = Subscribed("lead.created");
        webhook.ApplyEvent(webhook.Delete(Guid.NewGuid(), Now));

        webhook.Should().Match<WebhookSubscription>(w => w.IsDeleted && !w.Active);
        webhook.Invoking(w => w.RotateSecret("v1.other", Now)).Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("webhook_deleted");
        webhook.Invoking(w => w.Change("https://x.example.com", ["lead.created"])).Should().Throw<DomainRuleViolationException>();
    }
}
