using CleanRag.Application.Activity;
using CleanRag.Application.Analytics;
using CleanRag.Application.Projects;
using CleanRag.Domain.Common;
using CleanRag.Application.Companies;
using CleanRag.Application.Users;
using CleanRag.Application.Documents;
using CleanRag.Application.Evaluation;
using CleanRag.Application.Conversations;
using CleanRag.Application.ApiKeys;
using CleanRag.Domain.ApiKeys;
using CleanRag.Application.Webhooks;
using CleanRag.Application.Leads;
using CleanRag.Domain.Leads;
using CleanRag.Domain.Companies;
using CleanRag.Infrastructure.ApiKeys;
using CleanRag.Domain.Conversations;
using CleanRag.Domain.Documents;
using CleanRag.Domain.Evaluation;
using CleanRag.Domain.Projects;
using CleanRag.Domain.Users;
using CleanRag.Domain.Webhooks;
using CleanRag.Infrastructure.Email;
using CleanRag.Infrastructure.Identity;
using CleanRag.Infrastructure.Messaging;
using CleanRag.Infrastructure.Persistence.Projections;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using JasperFx.MultiTenancy;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Weasel.Core;

namespace CleanRag.Infrastructure.Persistence;

internal static class MartenConfiguration
{
    public static IServiceCollection AddMartenEventStore(
        this IServiceCollection services, string connectionString, PersistenceOptions options)
    {
        var marten = services.AddMarten(opts =>
        {
            opts.Connection(connectionString);
            opts.DatabaseSchemaName = options.Schema;
            opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);

            opts.Events.StreamIdentity = StreamIdentity.AsGuid;
            opts.Events.TenancyStyle = TenancyStyle.Conjoined;
            opts.Policies.AllDocumentsAreMultiTenanted();
            opts.Events.MetadataConfig.UserNameEnabled = true;
            // The daemon's high-water mark is polled, every 250 ms (FastPollingTime's default; SlowPollingTime's is 1 s, which
            // would hold a lone event that long), not woken by a NOTIFY per append: woken, it advanced every commit or few, and
            // each advance became a page of its own for every async agent (for the bus forwarder: a load, its publishes and a
            // progress write, page after page), so with the API busy the forwarder fell seconds behind on a queue of tiny
            // pages. Polled, a page holds what was committed in the interval (docs/benchmarks.md, "Bus forwarder").
            opts.Projections.FastPollingTime = TimeSpan.FromMilliseconds(250);
            opts.Projections.SlowPollingTime = TimeSpan.FromMilliseconds(250);

            // Weasel depends on Patched.DistributedLock.Postgres, which the registry here lacks; the
            // redirect package (build/redirect-packages) brings the original DistributedLock.Postgres.
            // With it, the HotCold daemon's leader election fails ("Multiplexing is current
            // incompatible with DbDataSource") unless the advisory lock is taken in a transaction.
            opts.Events.UseAdvisoryLockTransaction = true;

            // Aggregates are rebuilt live from their streams on every load (no stored snapshot).
            opts.Projections.Add(new AggregateProjection<Project>(), ProjectionLifecycle.Live);
            opts.Projections.Add(new AggregateProjection<Company>(), ProjectionLifecycle.Live);
            opts.Projections.Add(new AggregateProjection<UserAccount>(), ProjectionLifecycle.Live);
            opts.Projections.Add(new AggregateProjection<Document>(), ProjectionLifecycle.Live);
            opts.Projections.Add(new AggregateProjection<Conversation>(), ProjectionLifecycle.Live);
            opts.Projections.Add(new AggregateProjection<ApiKey>(), ProjectionLifecycle.Live);
            opts.Projections.Add(new AggregateProjection<WebhookSubscription>(), ProjectionLifecycle.Live);
            opts.Projections.Add(new AggregateProjection<Lead>(), ProjectionLifecycle.Live);
            opts.Projections.Add(new AggregateProjection<TestSuite>(), ProjectionLifecycle.Live);
            opts.Projections.Add(new AggregateProjection<TestRun>(), ProjectionLifecycle.Live);
            // Dashboard entities and lookups: inline, so a write is readable as soon as the command returns.
            opts.Projections.Add<ProjectDetailsProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<CompanyDetailsProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<TeamLookupProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<DocumentDetailsProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<ConversationDetailsProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<ApiKeyDetailsProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<ApiKeyLookupProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<WebhookDetailsProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<ConversationDirectoryProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<LeadDetailsProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<MeteredMessageProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<KnowledgeGapDecisionProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<TestSuiteDetailsProjection>(ProjectionLifecycle.Inline);
            opts.Projections.Add<TestRunDetailsProjection>(ProjectionLifecycle.Inline);
            // Cross-stream feeds: asynchronous, run by the daemon.
            opts.Projections.Add<ActivityFeedProjection>(ProjectionLifecycle.Async);
            // Big batches: each costs a few queries whatever its size, and catching up from zero goes through them all.
            opts.Projections.Add(new AnalyticsProjection(), ProjectionLifecycle.Async, asyncConfiguration: o => o.BatchSize = 2000);

            opts.Schema.For<ProjectDetails>();
            opts.Schema.For<CompanyDetails>();
            opts.Schema.For<DocumentDetails>().Index(d => d.ProjectId);
            // The inbox pages by (lastMessageAt, id) from a real timestamptz column (exact comparisons for the cursor, one
            // index for the order), and its full-text search runs on a GIN index over the searchable text.
            opts.Schema.For<ConversationDetails>().Index(c => c.ProjectId).Duplicate(c => c.LastMessageAt)
                .FullTextIndex(c => c.SearchText);
            opts.Schema.For<LeadDetails>().Index(l => l.ProjectId).Index(l => l.ConversationId).Index(l => l.CreatedAt);
            opts.Schema.For<UploadReceipt>().SingleTenanted();
            opts.Schema.For<Application.Plans.MeteredMessage>().Index(m => m.AskedAt);
            opts.Schema.For<ActivityEntry>().Index(a => a.Sequence);
            opts.Schema.For<ProjectDayStats>().Index(d => d.DayNumber).Index(d => d.ProjectId);
            opts.Schema.For<ProjectAnalyticsTotals>();
            opts.Schema.For<QuestionGroup>().Index(g => g.ProjectId);
            opts.Schema.For<KnowledgeGapDecision>().Index(d => d.ProjectId);
            opts.Schema.For<TestSuiteDetails>();
            // Runs are listed per project, newest first, and compared with the project's previous completed run.
            opts.Schema.For<TestRunDetails>().Index(r => r.ProjectId).Index(r => r.StartedAt);
            opts.Schema.For<AnalyticsConversation>();
            // Webhook deliveries are the durable retry queue: claims and leases use optimistic concurrency.
            opts.Schema.For<WebhookDetails>().Index(w => w.ProjectId);
            opts.Schema.For<WebhookDelivery>().Index(d => d.WebhookId).Index(d => d.NextAttemptAt).UseOptimisticConcurrency(true);
            // Global (not per tenant): needed before a request knows its company.
            opts.Schema.For<UserAccountView>().SingleTenanted().UniqueIndex(u => u.Email);
            opts.Schema.For<UserCredentialsRecord>().SingleTenanted().UniqueIndex(u => u.Email);
            opts.Schema.For<MembershipView>().SingleTenanted();
            opts.Schema.For<InviteView>().SingleTenanted();
            opts.Schema.For<RefreshTokenRecord>().SingleTenanted().UseOptimisticConcurrency(true).Index(r => r.UserId);
            opts.Schema.For<PasswordResetTokenRecord>().SingleTenanted().UseOptimisticConcurrency(true).Index(r => r.UserId);
            opts.Schema.For<RevokedRefreshTokenFamily>().SingleTenanted();
            opts.Schema.For<LoginFailures>().SingleTenanted().UseOptimisticConcurrency(true);
            opts.Schema.For<OutboundEmail>().SingleTenanted();
            opts.Schema.For<ProcessedMessage>().SingleTenanted();
            opts.Schema.For<ApiKeyDetails>().Index(k => k.ProjectId);
            opts.Schema.For<ApiKeyLookup>().SingleTenanted();
            // By conversation too: retention removes a conversation's entries together.
            opts.Schema.For<Chat.ConversationDirectoryEntry>().SingleTenanted().Index(e => e.ConversationId);

            // Every domain event type is known up front so the daemon can deserialize any of them.
            foreach (var type in typeof(IDomainEvent).Assembly.GetTypes()
                         .Where(t => typeof(IDomainEvent).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false }))
            {
                opts.Events.AddEventType(type);
            }
        })
        .UseLightweightSessions()
        .BuildSessionsWith<TenantSessionFactory>(ServiceLifetime.Scoped)
        .AddSubscriptionWithServices<BusForwardingSubscription>(ServiceLifetime.Singleton, o =>
        {
            o.Name = BusForwardingSubscription.SubscriptionName;
            // Pages of up to 2,000 events (500 before): 3,300–3,800 instead of 2,200–3,000 events/s replayed on this
            // machine (docs/benchmarks.md, "Bus forwarder"); a crash re-publishes at most one page, which consumers skip.
            o.Options.BatchSize = 2000;
        });

        if (options.ApplyDatabaseChangesOnStartup)
            marten.ApplyAllDatabaseChangesOnStartup();
        if (options.RunDaemon)
            marten.AddAsyncDaemon(DaemonMode.HotCold);

        services.AddScoped<Application.Common.Interfaces.IEventStore>(sp => new MartenEventStore(
            sp.GetRequiredService<IDocumentStore>(), sp.GetRequiredService<Application.Common.Interfaces.IRequestContext>()));
        services.AddScoped<Application.Common.Interfaces.IReadStore, MartenReadStore>();
        services.AddScoped<Application.Conversations.Inbox.IConversationInbox, MartenConversationInbox>();
        services.AddScoped<Application.Retention.IPersonalDataEraser, Retention.MartenPersonalDataEraser>();
        services.AddScoped<Application.Plans.IPlanUsageReader, MartenPlanUsageReader>();
        services.AddScoped<Application.Documents.IIndexedDocuments, MartenIndexedDocuments>();
        services.AddScoped<MartenUnitOfWork>();
        services.AddScoped<Application.Common.Interfaces.IUnitOfWork>(sp => sp.GetRequiredService<MartenUnitOfWork>());
        services.AddScoped<Application.Common.Interfaces.IAggregateStore>(sp => new MartenAggregateStore(
            sp.GetRequiredService<MartenUnitOfWork>(), sp.GetRequiredService<Application.Common.Interfaces.IRequestContext>()));
        return services;
    }
}
