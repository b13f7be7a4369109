// Analytics benchmark: appends generated conversations (100,000 by default: several questions each, answered, unanswered,
// failed and escalated outcomes, feedback with changed votes, answer latencies, over the last 90 days and 3 projects) to a
// fresh schema of the local PostgreSQL in batches, then runs the analytics projection from zero in a projection daemon
// and times its catch-up, then times the summary query (through its query handler, on the tenant's read store, as the API
// runs it without HTTP) 200 times for one project's default 30 days and 200 times for the workspace's 90 days.
//
//   source build/env.sh && dotnet run -c Release --project tools/AnalyticsBench -- [--conversations 100000] [--seed 7]
//   source build/env.sh && dotnet run -c Release --project tools/AnalyticsBench -- --summary-only   # again on the last run's data
//
// The schema (analytics_bench) is dropped first, unless --summary-only. The API's other async work (activity feed, bus forwarder) is not run:
// this measures the analytics projection alone.
using System.Diagnostics;
using CleanRag.Application;
using CleanRag.Application.Analytics.GetAnalyticsSummary;
using CleanRag.Application.Common;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Common;
using CleanRag.Domain.Companies;
using CleanRag.Domain.Conversations;
using CleanRag.Domain.Projects;
using CleanRag.Infrastructure;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

const string Schema = "analytics_bench";
var conversationCount = int.Parse(Option("--conversations") ?? "100000");
var summaryOnly = args.Contains("--summary-only");
var random = new Random(int.Parse(Option("--seed") ?? "7"));

var configuration = new ConfigurationBuilder()
    .AddEnvironmentVariables()
    .AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Persistence:Schema"] = Schema, ["Persistence:RunDaemon"] = "false", ["Persistence:ApplyDatabaseChangesOnStartup"] = "false",
        ["Data:Directory"] = Path.Combine(Path.GetTempPath(), "cleanrag-analytics-bench"),
        // Nothing is embedded here; hashing keeps the local model's package out of the way.
        ["AI:Embeddings:Provider"] = "hashing",
    })
    .Build();
var connectionString = configuration.GetConnectionString("Postgres")
    ?? throw new InvalidOperationException("ConnectionStrings__Postgres is not set: run `source build/env.sh` first.");
if (!summaryOnly)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE", connection).ExecuteNonQueryAsync();
}

await using var services = new ServiceCollection().AddLogging().AddApplication().AddInfrastructure(configuration).BuildServiceProvider();
var store = services.GetRequiredService<IDocumentStore>();
await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

var now = DateTimeOffset.UtcNow;
if (summaryOnly)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var reader = await new NpgsqlCommand($"SELECT tenant_id, id FROM {Schema}.mt_doc_projectdetails", connection).ExecuteReaderAsync();
    var existing = new List<(Guid Company, Guid Project)>();
    while (await reader.ReadAsync())
        existing.Add((Guid.Parse(reader.GetString(0)), reader.GetGuid(1)));
    await MeasureSummariesAsync(existing[0].Company, existing.Select(e => e.Project).ToArray());
    return 0;
}
var companyId = Guid.NewGuid();
var tenant = companyId.ToString();
var projectIds = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();
await using (var session = store.LightweightSession(tenant))
{
    foreach (var (projectId, i) in projectIds.Select((p, i) => (p, i)))
        session.Events.StartStream<Project>(projectId, Project.Create(projectId, companyId, $"Project {i + 1}", null, ProjectSettings.Default, Guid.NewGuid(), now.AddDays(-100)));
    await session.SaveChangesAsync();
}

// ---- 1. Append ----
var questions = projectIds.ToDictionary(p => p, _ => QuestionPool(random));
var appendClock = Stopwatch.StartNew();
long eventCount = 0;
const int BatchSize = 1000;
for (var start = 0; start < conversationCount; start += BatchSize)
{
    await using var session = store.LightweightSession(tenant);
    for (var i = start; i < Math.Min(conversationCount, start + BatchSize); i++)
    {
        var events = Conversation(random, projectIds[random.Next(projectIds.Length)], questions, now);
        session.Events.StartStream<Conversation>(events.Id, events.Events);
        eventCount += events.Events.Length;
    }
    await session.SaveChangesAsync();
}
appendClock.Stop();
Console.WriteLine($"Appended {conversationCount:N0} conversations ({eventCount:N0} events) in {appendClock.Elapsed.TotalSeconds:F1} s " +
                  $"({eventCount / appendClock.Elapsed.TotalSeconds:N0} events/s).");

// ---- 2. Projection catch-up from zero ----
var highWater = (await store.Advanced.FetchEventStoreStatistics()).EventSequenceNumber;
using var daemon = await store.BuildProjectionDaemonAsync();
var catchUp = Stopwatch.StartNew();
var shard = new ShardName("Analytics");
await daemon.StartAgentAsync(shard, CancellationToken.None);
while (true)
{
    var progress = await store.Advanced.ProjectionProgressFor(shard);
    if (progress >= highWater)
        break;
    if (catchUp.Elapsed > TimeSpan.FromMinutes(30))
        throw new TimeoutException($"The analytics projection reached {progress} of {highWater} in 30 minutes.");
    await Task.Delay(100);
}
catchUp.Stop();
await daemon.StopAllAsync();
Console.WriteLine($"Analytics projection caught up from zero in {catchUp.Elapsed.TotalSeconds:F1} s ({eventCount / catchUp.Elapsed.TotalSeconds:N0} events/s).");

// ---- 3. Summary latency ----
await MeasureSummariesAsync(companyId, projectIds);
return 0;

async Task MeasureSummariesAsync(Guid companyId, Guid[] projectIds)
{
    await using var scope = services.CreateAsyncScope();
    scope.ServiceProvider.GetRequiredService<RequestContext>().Set(companyId, Guid.NewGuid(), CompanyRole.Member);
    var handler = new GetAnalyticsSummaryQueryHandler(scope.ServiceProvider.GetRequiredService<IReadStore>(), TimeProvider.System);
    var sample = await handler.Handle(new GetAnalyticsSummaryQuery(projectIds[0]), CancellationToken.None);
    Console.WriteLine($"Project summary (30 days): {sample.Totals.Conversations:N0} conversations, {sample.Totals.Messages:N0} questions, " +
                      $"answered {sample.Totals.AnsweredRate:P1}, latency p50 {sample.Totals.LatencyP50Ms} ms, p95 {sample.Totals.LatencyP95Ms} ms.");
    await Measure("GET /v1/analytics/summary?projectId=… (default 30 days, one project)",
        () => handler.Handle(new GetAnalyticsSummaryQuery(projectIds[random.Next(projectIds.Length)]), CancellationToken.None).AsTask());
    var from = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-89).ToString("yyyy-MM-dd");
    await Measure("GET /v1/analytics/summary?from=…(90 days, whole workspace)",
        () => handler.Handle(new GetAnalyticsSummaryQuery(null, from), CancellationToken.None).AsTask());
}

static async Task Measure(string what, Func<Task> call)
{
    for (var i = 0; i < 10; i++)
        await call(); // warm-up: JIT, connection pool, query plans
    var timings = new List<double>();
    for (var i = 0; i < 200; i++)
    {
        var clock = Stopwatch.StartNew();
        await call();
        timings.Add(clock.Elapsed.TotalMilliseconds);
    }
    timings.Sort();
    Console.WriteLine($"{what}: 200 calls, p50 {timings[99]:F1} ms, p95 {timings[189]:F1} ms, max {timings[^1]:F1} ms.");
}

// Wordings of ~40 topics per project, several per topic, so the question groups have realistic sizes.
static string[][] QuestionPool(Random random)
{
    string[] subjects =
    [
        "password", "invoice", "refund", "shipping", "delivery time", "warranty", "discount code", "account deletion", "two-factor login",
        "order status", "return label", "gift card", "subscription", "payment method", "billing address", "opening hours", "store location",
        "size guide", "international shipping", "price match", "student discount", "bulk order", "API limits", "data export", "privacy policy",
        "cookie settings", "newsletter", "loyalty points", "exchange", "damaged item", "missing parcel", "tracking number", "invoice copy",
        "VAT number", "team plan", "seat limit", "trial period", "cancellation fee", "upgrade", "downgrade",
    ];
    return subjects.OrderBy(_ => random.Next()).Select(s => new[]
    {
        $"How does the {s} work?", $"{char.ToUpperInvariant(s[0])}{s[1..]}: how does it work?", $"How does {s} work exactly?",
        $"Can you explain the {s}?", $"Where do I find information about the {s}?",
    }).ToArray();
}

static (Guid Id, IDomainEvent[] Events) Conversation(Random random, Guid projectId, Dictionary<Guid, string[][]> pool, DateTimeOffset now)
{
    var id = Guid.NewGuid();
    var at = now.AddDays(-random.NextDouble() * 90);
    var events = new List<IDomainEvent>
    {
        new ConversationStarted(id, projectId, $"visitor-{random.Next(50_000)}", $"session-{Guid.NewGuid():N}", ConversationChannel.Widget, false, null, at),
    };
    var topics = pool[projectId];
    var questionCount = 1 + random.Next(5);
    for (var q = 0; q < questionCount; q++)
    {
        var messageId = Guid.NewGuid();
        var topic = topics[(int)Math.Min(topics.Length - 1, Math.Abs(random.NextDouble() * random.NextDouble()) * topics.Length)]; // a few topics dominate
        var question = topic[random.Next(topic.Length)];
        at = at.AddSeconds(5 + random.Next(60));
        events.Add(new VisitorAsked(id, messageId, question, question, at));
        var latency = (long)Math.Exp(6.8 + random.NextDouble() * 1.6); // ~900 ms to ~4.4 s
        at = at.AddMilliseconds(latency);
        var roll = random.NextDouble();
        var settled = true;
        if (roll < 0.70)
            events.Add(new AnswerGiven(id, messageId, "…", [new CitedSource(1, Guid.NewGuid(), "doc", "…", 1, 0.8)], 0.5 + random.NextDouble() / 2, "extractive",
                latency, 500, 80, at));
        else if (roll < 0.88)
            events.Add(new QuestionUnanswered(id, messageId, question, random.NextDouble() * 0.3, at));
        else if (roll < 0.92)
            events.Add(new AnswerFailed(id, messageId, "upstream_failed", "The model did not answer.", at));
        else
        {
            events.Add(new EscalationRequested(id, messageId, "asked for a person", random.NextDouble() < 0.5 ? $"v{random.Next()}@example.com" : null, null, at));
            settled = false;
        }
        if (settled && random.NextDouble() < 0.25)
        {
            var helpful = random.NextDouble() < 0.75;
            events.Add(new FeedbackGiven(id, messageId, helpful, null, at.AddSeconds(3)));
            if (random.NextDouble() < 0.1)
                events.Add(new FeedbackGiven(id, messageId, !helpful, null, at.AddSeconds(9)));
        }
    }
    return (id, events.ToArray());
}

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
