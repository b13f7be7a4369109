using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Api.Tests.Leads;
using CleanRag.Api.Tests.Webhooks;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Companies;
using CleanRag.Infrastructure.Chat;
using CleanRag.Infrastructure.Retention;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CleanRag.Api.Tests.Retention;

/// <summary>
/// The daily retention job, run with a fake clock on the real database: what visitors left before the company's
/// dataRetentionDays goes (conversation, its stream, its directory entries, its leads), the rest stays, and the company
/// stream records what was removed.
/// </summary>
public class RetentionJobTests
{
    [Test]
    public async Task An_old_conversation_and_its_lead_are_removed_a_recent_one_stays_and_the_company_records_the_counts()
    {
        var api = await LeadApi.NewProjectAsync();
        var settings = await api.Owner.Client.PatchAsJsonAsync("/v1/companies/settings", new { dataRetentionDays = 1 });
        settings.StatusCode.Should().Be(HttpStatusCode.OK, await settings.Content.ReadAsStringAsync());
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhookId = (await api.Webhooks.SubscribeAsync(receiver.Url, "new_lead")).GetProperty("id").GetGuid();
        var old = await api.StartConversationAsync(c => LeadApi.Asked(c, "Mail me at old@example.com"));
        var oldLead = (await api.WaitForLeadsAsync(old, l => l.Count == 1, "the old conversation's lead"))[0].GetProperty("id").GetGuid();
        var oldDelivery = (await api.Webhooks.WaitForDeliveriesAsync(webhookId,
            d => d.Count == 1 && WebhookApi.Is(d[0], "status", "delivered"), "the old lead's delivery"))[0];
        var recent = await api.StartConversationAsync(c => LeadApi.Asked(c, "Mail me at recent@example.com"));
        var recentLead = (await api.WaitForLeadsAsync(recent, l => l.Count == 1, "the recent conversation's lead"))[0].GetProperty("id").GetGuid();
        await api.Webhooks.WaitForDeliveriesAsync(webhookId, d => d.Count == 2 && d.All(x => WebhookApi.Is(x, "status", "delivered")),
            "the recent lead's delivery");
        var oldActivity = await LastActivityAsync(api, old);
        var recentActivity = await LastActivityAsync(api, recent);
        oldActivity.Should().BeBefore(oldDelivery.GetProperty("createdAt").GetDateTimeOffset());
        // A day (the retention) after a moment between the old lead's delivery and the recent conversation's last message:
        // the old conversation, its lead and that delivery are older than that, the recent ones are not.
        var oldDeliveredAt = oldDelivery.GetProperty("createdAt").GetDateTimeOffset();
        var clock = new FakeTimeProvider(oldDeliveredAt + (recentActivity - oldDeliveredAt) / 2 + TimeSpan.FromDays(1));

        await NewJob(clock).RunAsync(CancellationToken.None);

        await (await api.Owner.Client.GetAsync(Conversation(api, old))).ShouldBeErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
        await (await api.Owner.Client.GetAsync($"/v1/leads/{oldLead}")).ShouldBeErrorAsync(HttpStatusCode.NotFound, "lead_not_found");
        (await StreamAsync(api, old)).Should().BeEmpty("the visitor's words are deleted, not archived");
        (await StreamAsync(api, oldLead)).Should().BeEmpty("so are the contact details in the lead's events");
        (await DirectoryEntriesAsync(old)).Should().BeEmpty();
        (await api.Webhooks.DeliveriesAsync(webhookId)).Select(d => d.GetProperty("id").GetGuid()).Should()
            .NotContain(oldDelivery.GetProperty("id").GetGuid(), "its body holds the old lead's email").And.ContainSingle();
        (await api.ListAsync("?q=old@example.com")).Should().BeEmpty();

        (await api.Owner.Client.GetAsync(Conversation(api, recent))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await api.Owner.Client.GetAsync($"/v1/leads/{recentLead}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await StreamAsync(api, recent)).Should().NotBeEmpty();
        (await DirectoryEntriesAsync(recent)).Should().HaveCount(2, "the conversation's entry and its message's");

        var applied = (await StreamAsync(api, api.Owner.CompanyId)).Select(e => e.Data).OfType<RetentionApplied>().Should().ContainSingle().Subject;
        applied.ConversationsRemoved.Should().Be(1);
        applied.LeadsRemoved.Should().Be(1);
        applied.RetentionDays.Should().Be(1);
        applied.AppliedAt.Should().Be(clock.GetUtcNow());
        applied.Cutoff.Should().Be(clock.GetUtcNow().AddDays(-1));

        await NewJob(clock).RunAsync(CancellationToken.None);
        (await StreamAsync(api, api.Owner.CompanyId)).Select(e => e.Data).OfType<RetentionApplied>()
            .Should().ContainSingle("a run that finds nothing to remove records nothing");
    }

    [Test]
    public async Task A_lead_without_a_conversation_goes_by_its_own_last_change_and_other_companies_keep_theirs()
    {
        var api = await LeadApi.NewProjectAsync();
        var other = await LeadApi.NewProjectAsync();
        (await api.Owner.Client.PatchAsJsonAsync("/v1/companies/settings", new { dataRetentionDays = 30 })).EnsureSuccessStatusCode();
        var stale = await api.CreateAsync(email: "stale@example.com");
        var theirs = await other.CreateAsync(email: "theirs@example.com");
        var clock = new FakeTimeProvider(stale.GetProperty("updatedAt").GetDateTimeOffset().AddDays(31));

        await NewJob(clock).RunAsync(CancellationToken.None);

        await (await api.Owner.Client.GetAsync($"/v1/leads/{stale.GetProperty("id").GetGuid()}")).ShouldBeErrorAsync(HttpStatusCode.NotFound, "lead_not_found");
        (await other.Owner.Client.GetAsync($"/v1/leads/{theirs.GetProperty("id").GetGuid()}")).StatusCode
            .Should().Be(HttpStatusCode.OK, "the other company keeps the default of 365 days");
        (await StreamAsync(api, api.Owner.CompanyId)).Select(e => e.Data).OfType<RetentionApplied>().Should().ContainSingle()
            .Which.Should().Match<RetentionApplied>(a => a.ConversationsRemoved == 0 && a.LeadsRemoved == 1 && a.RetentionDays == 30);
    }

    private static RetentionJob NewJob(TimeProvider clock) =>
        new(ApiHost.Factory.Services.GetRequiredService<IServiceScopeFactory>(), ApiHost.Factory.Services.GetRequiredService<IDocumentStore>(),
            new RetentionOptions(), clock, NullLogger<RetentionJob>.Instance);

    private static string Conversation(LeadApi api, Guid conversationId) => $"/v1/projects/{api.ProjectId}/conversations/{conversationId}";

    private static async Task<DateTimeOffset> LastActivityAsync(LeadApi api, Guid conversationId) =>
        (await api.Owner.Client.GetFromJsonAsync<JsonElement>(Conversation(api, conversationId))).GetProperty("lastMessageAt").GetDateTimeOffset();

    private static async Task<IReadOnlyList<StoredEvent>> StreamAsync(LeadApi api, Guid streamId)
    {
        await using var scope = ApiHost.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IEventStore>().ForTenant(api.Owner.CompanyId).ReadStreamAsync(streamId, CancellationToken.None);
    }

    private static async Task<IReadOnlyList<ConversationDirectoryEntry>> DirectoryEntriesAsync(Guid conversationId)
    {
        await using var session = ApiHost.Factory.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Query<ConversationDirectoryEntry>().Where(e => e.ConversationId == conversationId).ToListAsync();
    }
}
