// The bus forwarder's lag at a steady event rate (docs/benchmarks.md, "Bus forwarder"; build/measure-forwarder-lag.sh runs it).
// Against a running API, for --seconds it produces events at a fixed rate, open loop (each operation starts on schedule
// whether or not the earlier ones finished), either
//   --chat KEY        POST /v1/chat with that key, --rate requests/s, each a new conversation (its events: ConversationStarted,
//                     VisitorAsked and the outcome, in one commit), or
//   --append PROJECT  new conversations of that project appended straight to the API's store (its Marten configuration, inline
//                     projections included, no daemon), --rate events/s in commits of the same three events, so the rate does
//                     not depend on what a chat costs the CPU,
// and samples the forwarder's progress (mt_event_progression 'bus-forwarder:All') and the events every 100 ms. It waits for
// the forwarder to catch up before the load, and after it until every event of the run is forwarded. An event's lag is the
// time from its timestamp in mt_events to the first sample whose progress includes it (so sampling adds 0–100 ms), and with
// --append also from when its commit returned (the timestamp is taken inside the transaction, which may take a while to
// commit under load); a sample's lag is its time minus the timestamp of the oldest event it had not forwarded.
//
//   source build/env.sh && dotnet tools/ForwarderLag/bin/Release/net10.0/CleanRag.ForwarderLag.dll --append <project-id> --rate 400
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Application;
using CleanRag.Domain.Conversations;
using CleanRag.Infrastructure;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

const string Forwarder = "bus-forwarder:All";
const int MaxInFlight = 256;
var samplingInterval = TimeSpan.FromMilliseconds(100);

var chatKey = Option("--chat");
var appendProject = Option("--append");
if (Option("--rate") is not { } rateText || (chatKey is null) == (appendProject is null))
{
    Console.Error.WriteLine("usage: ForwarderLag (--chat KEY [--url URL] [--questions queries.jsonl] | --append PROJECT-ID) --rate N " +
                            "[--seconds 60] [--schema cleanrag]");
    return 2;
}
var rate = double.Parse(rateText, System.Globalization.CultureInfo.InvariantCulture);
var seconds = int.Parse(Option("--seconds") ?? "60");
var schema = Option("--schema") ?? "cleanrag";
var questions = Option("--questions") is { } questionsPath
    ? File.ReadLines(questionsPath).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToArray()
    : ["How do I reset my password?", "What does shipping cost?", "Can I return an item?", "Where is my order?"];

var configuration = new ConfigurationBuilder()
    .AddEnvironmentVariables()
    .AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Persistence:Schema"] = schema, ["Persistence:RunDaemon"] = "false", ["Persistence:ApplyDatabaseChangesOnStartup"] = "false",
        ["Data:Directory"] = Path.Combine(Path.GetTempPath(), "cleanrag-forwarder-lag"),
        ["AI:Embeddings:Provider"] = "hashing",
    })
    .Build();
var connectionString = configuration.GetConnectionString("Postgres")
    ?? throw new InvalidOperationException("ConnectionStrings__Postgres is not set: run `source build/env.sh` first.");
await using var database = NpgsqlDataSource.Create(connectionString);

// When each appended conversation's commit returned to its writer (--append only), the commit as the application sees it.
var committed = new ConcurrentDictionary<Guid, DateTimeOffset>();

// ---- The operation paced ----------------------------------------------------------------------------------
Func<int, Task<bool>> operation;
double operationsPerSecond;
string what;
ServiceProvider? services = null;
HttpClient? http = null;
if (chatKey is not null)
{
    http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = MaxInFlight })
    {
        BaseAddress = new Uri(Option("--url") ?? Environment.GetEnvironmentVariable("CLEANRAG_HTTP_URL") ?? "http://127.0.0.1:5080"),
        Timeout = TimeSpan.FromSeconds(60),
    };
    operationsPerSecond = rate;
    what = $"POST /v1/chat at {rate} requests/s";
    operation = async i =>
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat") { Content = JsonContent.Create(new { question = questions[i % questions.Length] }) };
        request.Headers.Add("X-CleanRag-Key", chatKey);
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode;
    };
}
else
{
    var projectId = Guid.Parse(appendProject!);
    await using var lookup = database.CreateCommand($"select tenant_id from {schema}.mt_doc_projectdetails where id = $1");
    lookup.Parameters.AddWithValue(projectId);
    var tenant = (string?)await lookup.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No project {projectId} in schema {schema}.");
    services = new ServiceCollection().AddLogging().AddApplication().AddInfrastructure(configuration).BuildServiceProvider();
    var store = services.GetRequiredService<IDocumentStore>();
    const int EventsPerCommit = 3;
    operationsPerSecond = rate / EventsPerCommit;
    what = $"conversations appended to project {projectId} at {rate} events/s ({operationsPerSecond:0.#} commits/s of {EventsPerCommit} events)";
    operation = async i =>
    {
        var id = Guid.NewGuid();
        var messageId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var question = questions[i % questions.Length];
        await using var session = store.LightweightSession(tenant);
        session.Events.StartStream<Conversation>(id,
            new ConversationStarted(id, projectId, $"visitor_{id:N}", id.ToString("N"), ConversationChannel.Api, false, null, now),
            new VisitorAsked(id, messageId, question, question, now),
            new AnswerGiven(id, messageId, "An answer.", [new CitedSource(1, Guid.NewGuid(), "A document", "An excerpt.", 1, 0.8)], 0.8,
                "extractive", 40, 0, 0, now, ConversationMessageIds.ReplyTo(messageId)));
        await session.SaveChangesAsync();
        committed[id] = DateTimeOffset.UtcNow;
        return true;
    };
}

// ---- Sampling -----------------------------------------------------------------------------------------------
var samples = new List<Sample>();
async Task<Sample> SampleAsync()
{
    await using var command = database.CreateCommand(
        $"select clock_timestamp(), coalesce((select last_seq_id from {schema}.mt_event_progression where name = '{Forwarder}'), 0), " +
        $"coalesce((select max(seq_id) from {schema}.mt_events), 0), " +
        $"coalesce((select last_seq_id from {schema}.mt_event_progression where name = 'HighWaterMark'), 0)");
    await using var reader = await command.ExecuteReaderAsync();
    await reader.ReadAsync();
    return new Sample(reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
}
async Task<Sample> WaitUntilForwardedAsync(long sequence, string when)
{
    var waited = Stopwatch.StartNew();
    while (true)
    {
        var sample = await SampleAsync();
        if (sample.Progress >= sequence)
            return sample;
        if (waited.Elapsed > TimeSpan.FromMinutes(3))
            throw new TimeoutException($"{when}: the forwarder reached {sample.Progress} of {sequence} in 3 minutes.");
        await Task.Delay(samplingInterval);
    }
}
double Load() => double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

// Rows of mt_event_progression written: one per page of each async agent, and per high-water advance.
async Task<long> ProgressionWritesAsync()
{
    await using var command = database.CreateCommand(
        $"select coalesce(n_tup_upd + n_tup_ins, 0) from pg_stat_user_tables where schemaname = '{schema}' and relname = 'mt_event_progression'");
    return (long)(await command.ExecuteScalarAsync() ?? 0L);
}

var before = await SampleAsync();
var start = await WaitUntilForwardedAsync(before.Highest, "before the load");
Console.WriteLine($"forwarder caught up at sequence {start.Progress}; {what} for {seconds} s");

var writesBefore = await ProgressionWritesAsync();
var writesClock = Stopwatch.StartNew();
using var stopSampling = new CancellationTokenSource();
var loads = new List<double>();
var sampler = Task.Run(async () =>
{
    using var timer = new PeriodicTimer(samplingInterval);
    var tick = 0;
    while (await timer.WaitForNextTickAsync())
    {
        var sample = await SampleAsync();
        lock (samples)
            samples.Add(sample);
        if (tick++ % 10 == 0)
            lock (loads)
                loads.Add(Load());
        if (stopSampling.IsCancellationRequested)
            return;
    }
});

// ---- The load -------------------------------------------------------------------------------------------------
long failed = 0, notStarted = 0, done = 0;
using var inFlight = new SemaphoreSlim(MaxInFlight);
var running = new List<Task>();
var clock = Stopwatch.StartNew();
for (var i = 0; ; i++)
{
    var due = TimeSpan.FromSeconds(i / operationsPerSecond);
    if (due.TotalSeconds >= seconds)
        break;
    var wait = due - clock.Elapsed;
    if (wait > TimeSpan.FromMilliseconds(1))
        await Task.Delay(wait);
    if (!inFlight.Wait(0))
    {
        notStarted++; // the system under test fell that far behind: the rate is not what was asked for
        continue;
    }
    var index = i;
    running.Add(Task.Run(async () =>
    {
        try
        {
            if (!await operation(index))
                Interlocked.Increment(ref failed);
        }
        catch (Exception)
        {
            Interlocked.Increment(ref failed);
        }
        finally
        {
            Interlocked.Increment(ref done);
            inFlight.Release();
        }
    }));
}
await Task.WhenAll(running);
var produced = clock.Elapsed;
var end = await WaitUntilForwardedAsync((await SampleAsync()).Highest, "after the load");
stopSampling.Cancel();
await sampler;
await Task.Delay(TimeSpan.FromSeconds(1)); // PostgreSQL publishes its table statistics about once a second
var progressionWrites = (await ProgressionWritesAsync() - writesBefore) / (writesClock.Elapsed.TotalSeconds - 1);
samples.Add(end);

// ---- Results ----------------------------------------------------------------------------------------------------
var events = new List<(long Sequence, DateTimeOffset At, Guid Stream)>();
await using (var command = database.CreateCommand($"select seq_id, timestamp, stream_id from {schema}.mt_events where seq_id > $1 and seq_id <= $2 order by seq_id"))
{
    command.Parameters.AddWithValue(start.Progress);
    command.Parameters.AddWithValue(end.Progress);
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
        events.Add((reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetGuid(2)));
}
samples.Sort((a, b) => a.At.CompareTo(b.At));
var perEvent = new List<double>(events.Count);
var highWaterPerEvent = new List<double>(events.Count);
var fromCommit = new List<double>(events.Count);
var commitTook = new List<double>(events.Count);
foreach (var (sequence, at, stream) in events)
{
    if (committed.TryGetValue(stream, out var committedAt))
    {
        // The forwarder may pass an event before its writer sees the commit return: that is no lag at all.
        fromCommit.Add(Math.Max(0, (samples.First(s => s.Progress >= sequence).At - committedAt).TotalMilliseconds));
        commitTook.Add((committedAt - at).TotalMilliseconds);
    }
    perEvent.Add((samples.First(s => s.Progress >= sequence && s.At >= at).At - at).TotalMilliseconds);
    highWaterPerEvent.Add((samples.First(s => s.HighWater >= sequence && s.At >= at).At - at).TotalMilliseconds);
}
var perSample = new List<double>(samples.Count);
foreach (var sample in samples)
{
    var oldest = events.Where(e => e.Sequence > sample.Progress && e.At <= sample.At).Select(e => e.At).DefaultIfEmpty(sample.At).Min();
    perSample.Add((sample.At - oldest).TotalMilliseconds);
}
var span = events.Count > 1 ? (events.Max(e => e.At) - events.Min(e => e.At)).TotalSeconds : 0;
Console.WriteLine($"load: {done} operations in {produced.TotalSeconds:0.0} s, {failed} failed, {notStarted} not started (over {MaxInFlight} in flight)");
Console.WriteLine($"events: {events.Count} between sequence {start.Progress} and {end.Progress}, appended over {span:0.0} s: " +
                  $"{events.Count / Math.Max(span, 0.001):0} events/s");
Console.WriteLine($"lag per event (its timestamp → the forwarder's progress past it, sampled every {samplingInterval.TotalMilliseconds:0} ms): " +
                  Percentiles(perEvent));
Console.WriteLine($"  of which the high-water mark's (its timestamp → the mark past it): {Percentiles(highWaterPerEvent)}");
if (fromCommit.Count > 0)
{
    Console.WriteLine($"  the appends' commits (event timestamp → SaveChanges returned): {Percentiles(commitTook)}");
    Console.WriteLine($"lag per event from its commit (SaveChanges returned → progress past it): {Percentiles(fromCommit)}");
}
Console.WriteLine($"lag per sample (now − oldest event not forwarded yet, {samples.Count} samples): {Percentiles(perSample)}");
Console.WriteLine($"progress rows written (pages of all async agents, high-water advances): {progressionWrites:0}/s");
Console.WriteLine($"load average (1 min) during the run: {loads.DefaultIfEmpty(Load()).Min():0.0}–{loads.DefaultIfEmpty(Load()).Max():0.0}, at the end {Load():0.0}");
if (services is not null)
    await services.DisposeAsync();
http?.Dispose();
return failed == 0 ? 0 : 1;

static string Percentiles(List<double> values)
{
    if (values.Count == 0)
        return "no values";
    var sorted = values.Order().ToList();
    double P(double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)];
    return $"p50 {P(50):0} ms  p95 {P(95):0} ms  p99 {P(99):0} ms  max {sorted[^1]:0} ms";
}

string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

/// <param name="HighWater">The daemon's high-water mark: how far every agent may read (a sequence gap of an uncommitted
/// transaction holds it back); the forwarder's lag is this wait plus its own.</param>
internal sealed record Sample(DateTimeOffset At, long Progress, long Highest, long HighWater);
