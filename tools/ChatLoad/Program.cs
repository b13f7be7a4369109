// Chat load benchmark: indexes the SciFact corpus in a fresh project of a running CleanRag API, deploys it,
// then measures (1) single requests: time to first token and full answer on the streaming widget API and the
// JSON API, and (2) throughput of /v1/chat with N concurrent clients for a fixed time. Finally it checks that
// every conversation it started was stored. Usage:
//   build/run.sh   (in another terminal)
//   dotnet run -c Release --project tools/ChatLoad -- ../shared/datasets/scifact [--url http://127.0.0.1:5080]
//       [--clients 32] [--seconds 60] [--single 300] [--docs 5183] [--reuse]
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CleanRag.ChatLoad;

var options = LoadOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: ChatLoad <scifact-dir> [--url URL] [--clients N] [--seconds S] [--single N] [--docs N] [--reuse]");
    return 2;
}
if (!File.Exists(Path.Combine(options.Dataset, "corpus.jsonl")))
{
    Console.Error.WriteLine($"SciFact not found at {options.Dataset} (corpus.jsonl, queries.jsonl): skipping the chat benchmark.");
    return 0;
}

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = new Uri(options.Url),
    Timeout = TimeSpan.FromSeconds(120),
};
if (!(await http.GetAsync("/health")).IsSuccessStatusCode)
{
    Console.Error.WriteLine($"The API at {options.Url} is not healthy; start it with build/run.sh.");
    return 1;
}

var corpus = Jsonl.Read(Path.Combine(options.Dataset, "corpus.jsonl")).Take(options.Documents).ToList();
var questions = Jsonl.Read(Path.Combine(options.Dataset, "queries.jsonl")).Select(q => q.GetProperty("text").GetString()!).ToList();
Console.WriteLine($"CleanRag chat benchmark against {options.Url}: {corpus.Count} documents, {questions.Count} questions, " +
                  $"{Environment.ProcessorCount} cores");

// ---- Set up: a company, a project without practical rate limits, the corpus, a deploy --------------------
// With --reuse, a project indexed by an earlier run against the same API (recorded in the temp directory) is used again.
var statePath = Path.Combine(Path.GetTempPath(), $"cleanrag-chatload-{new Uri(options.Url).Port}-{corpus.Count}.json");
Dashboard dashboard;
Guid projectId;
string key;
if (options.Reuse && File.Exists(statePath) && JsonSerializer.Deserialize<LoadState>(await File.ReadAllTextAsync(statePath)) is { } state
    && await Dashboard.LogInAsync(http, state.Email) is { } returning)
{
    (dashboard, projectId, key) = (returning, state.ProjectId, state.Key);
    Console.WriteLine($"reusing project {projectId} from {statePath}");
}
else
{
    var email = $"load-{Guid.NewGuid():N}@example.com";
    dashboard = await Dashboard.SignUpAsync(http, email);
    projectId = await dashboard.CreateProjectAsync();
    var ingest = Stopwatch.StartNew();
    foreach (var batch in corpus.Chunk(100)) // Documents:MaxFilesPerUpload
        await dashboard.UploadAsync(projectId, batch.Select(d => ($"{d.GetProperty("_id").GetString()}.txt",
            $"{d.GetProperty("title").GetString()}\n\n{d.GetProperty("text").GetString()}")));
    var uploaded = ingest.Elapsed;
    key = await dashboard.DeployAsync(projectId);
    await dashboard.WaitUntilIndexedAsync(projectId, corpus.Count);
    ingest.Stop();
    Console.WriteLine($"ingestion: {corpus.Count} documents uploaded in {uploaded.TotalSeconds:0.0} s, all indexed after {ingest.Elapsed.TotalSeconds:0.0} s " +
                      $"({corpus.Count / ingest.Elapsed.TotalSeconds:0} docs/s through the bus)");
    await File.WriteAllTextAsync(statePath, JsonSerializer.Serialize(new LoadState(email, projectId, key)));
}

var chat = new ChatClient(http, key, projectId);
var random = new Random(42);
string Question() => questions[random.Next(questions.Count)];
var started = await dashboard.CountConversationsAsync(projectId);

// ---- Warm-up ----------------------------------------------------------------------------------------------
for (var i = 0; i < 50; i++, started++)
    await chat.AskJsonAsync(Question());

// ---- Single requests --------------------------------------------------------------------------------------
var firstToken = new List<double>();
var streamed = new List<double>();
var json = new List<double>();
var outcomes = new Dictionary<string, int>();
for (var i = 0; i < options.Single; i++)
{
    var sse = await chat.AskStreamingAsync(questions[i % questions.Count]);
    started++;
    if (sse.FirstTokenMs is { } ttft)
        firstToken.Add(ttft);
    streamed.Add(sse.TotalMs);
    outcomes[sse.Outcome] = outcomes.GetValueOrDefault(sse.Outcome) + 1;
    var timer = Stopwatch.StartNew();
    await chat.AskJsonAsync(questions[i % questions.Count]);
    started++;
    json.Add(timer.Elapsed.TotalMilliseconds);
}
Console.WriteLine($"single requests ({options.Single} each, sequential; outcomes {string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"))}):");
Console.WriteLine($"  SSE  time to first token  p50 {Stats.P(firstToken, 50):0.0} ms  p95 {Stats.P(firstToken, 95):0.0} ms");
Console.WriteLine($"  SSE  full answer          p50 {Stats.P(streamed, 50):0.0} ms  p95 {Stats.P(streamed, 95):0.0} ms");
Console.WriteLine($"  JSON full answer          p50 {Stats.P(json, 50):0.0} ms  p95 {Stats.P(json, 95):0.0} ms  p99 {Stats.P(json, 99):0.0} ms");

// ---- Throughput -------------------------------------------------------------------------------------------
var latencies = new List<double>[options.Clients];
var errors = 0;
var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
var deadline = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, options.Clients).Select(async client =>
{
    var mine = latencies[client] = [];
    var clientRandom = new Random(client);
    while (deadline.Elapsed.TotalSeconds < options.Seconds)
    {
        var timer = Stopwatch.StartNew();
        var status = await chat.PostJsonAsync(questions[clientRandom.Next(questions.Count)]);
        mine.Add(timer.Elapsed.TotalMilliseconds);
        statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        if (status != 200)
            Interlocked.Increment(ref errors);
    }
}));
var elapsed = deadline.Elapsed.TotalSeconds;
var all = latencies.SelectMany(l => l).ToList();
started += all.Count - errors;
Console.WriteLine($"load: {options.Clients} concurrent clients on /v1/chat for {elapsed:0.0} s: {all.Count} requests, {all.Count / elapsed:0.0} requests/s, " +
                  $"{errors} errors ({string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))})");
Console.WriteLine($"  latency p50 {Stats.P(all, 50):0.0} ms  p95 {Stats.P(all, 95):0.0} ms  p99 {Stats.P(all, 99):0.0} ms");

// ---- Every conversation stored ------------------------------------------------------------------------------
var stored = await dashboard.CountConversationsAsync(projectId);
Console.WriteLine($"conversations: {started} started, {stored} stored{(stored == started ? "" : "  <-- MISMATCH")}");
return stored == started && errors == 0 ? 0 : 1;

namespace CleanRag.ChatLoad
{
    internal sealed record LoadState(string Email, Guid ProjectId, string Key);

    internal sealed record LoadOptions(string Dataset, string Url, int Clients, int Seconds, int Single, int Documents, bool Reuse)
    {
        public static LoadOptions? Parse(string[] args)
        {
            if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
                return null;
            string Value(string name, string fallback)
            {
                var index = Array.IndexOf(args, name);
                return index > 0 && index + 1 < args.Length ? args[index + 1] : fallback;
            }
            return new LoadOptions(args[0], Value("--url", Environment.GetEnvironmentVariable("CLEANRAG_HTTP_URL") ?? "http://127.0.0.1:5080"),
                int.Parse(Value("--clients", "32")), int.Parse(Value("--seconds", "60")), int.Parse(Value("--single", "300")),
                int.Parse(Value("--docs", int.MaxValue.ToString())), args.Contains("--reuse"));
        }
    }

    internal static class Jsonl
    {
        public static IEnumerable<JsonElement> Read(string path) =>
            File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone());
    }

    internal static class Stats
    {
        public static double P(List<double> values, double percentile)
        {
            if (values.Count == 0)
                return double.NaN;
            var sorted = values.Order().ToList();
            return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1)];
        }
    }

    /// <summary>The dashboard calls the benchmark needs, as the owner of a fresh company.</summary>
    internal sealed class Dashboard(HttpClient http, string token)
    {
        public const string Origin = "https://loadtest.example.com";

        private const string Password = "load test password 123";

        public static async Task<Dashboard?> LogInAsync(HttpClient http, string email)
        {
            var response = await http.PostAsJsonAsync("/v1/auth/login", new { email, password = Password });
            return response.IsSuccessStatusCode ? new Dashboard(http, (await Json(response)).GetProperty("accessToken").GetString()!) : null;
        }

        public static async Task<Dashboard> SignUpAsync(HttpClient http, string email)
        {
            var signup = await Json(await http.PostAsJsonAsync("/v1/auth/signup", new { email, password = Password, name = "Load" }));
            var dashboard = new Dashboard(http, signup.GetProperty("accessToken").GetString()!);
            await Json(await dashboard.SendAsync(HttpMethod.Post, "/v1/companies", new { name = "Load test" }));
            return dashboard;
        }

        public async Task<Guid> CreateProjectAsync() =>
            (await Json(await SendAsync(HttpMethod.Post, "/v1/projects", new
            {
                name = "SciFact",
                allowedOrigins = new[] { Origin },
                widgetEnabled = true,
                rateLimits = new { keyRequestsPerMinute = 100_000, widgetRequestsPerMinutePerVisitor = 100_000, widgetRequestsPerMinute = 1_000_000 },
            }))).GetProperty("id").GetGuid();

        public async Task UploadAsync(Guid projectId, IEnumerable<(string FileName, string Text)> files)
        {
            var form = new MultipartFormDataContent();
            foreach (var (fileName, text) in files)
            {
                var part = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
                part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
                form.Add(part, "files", fileName);
            }
            var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/projects/{projectId}/documents") { Content = form };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            await Json(await http.SendAsync(request));
        }

        public async Task<string> DeployAsync(Guid projectId) =>
            (await Json(await SendAsync(HttpMethod.Post, $"/v1/projects/{projectId}/deploy"))).GetProperty("key").GetProperty("key").GetString()!;

        public async Task WaitUntilIndexedAsync(Guid projectId, int documents)
        {
            var last = -1;
            while (true)
            {
                var readiness = await Json(await SendAsync(HttpMethod.Get, $"/v1/projects/{projectId}/deploy-readiness"));
                var checks = readiness.GetProperty("checks");
                var settled = checks.GetProperty("indexed").GetInt32() + checks.GetProperty("failed").GetInt32();
                if (settled >= documents && readiness.GetProperty("status").GetString() == "live")
                    return;
                if (settled / 500 != last / 500)
                    Console.WriteLine($"  … {settled}/{documents} documents settled");
                last = settled;
                await Task.Delay(1000);
            }
        }

        public async Task<int> CountConversationsAsync(Guid projectId)
        {
            var count = 0;
            for (var page = 1; ; page++)
            {
                var batch = await Json(await SendAsync(HttpMethod.Get, $"/v1/projects/{projectId}/conversations?page={page}&pageSize=200"));
                count += batch.GetArrayLength();
                if (batch.GetArrayLength() < 200)
                    return count;
            }
        }

        private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
        {
            var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return http.SendAsync(request);
        }

        private static async Task<JsonElement> Json(HttpResponseMessage response)
        {
            var text = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri} → {(int)response.StatusCode}: {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    internal sealed record StreamedAnswer(double? FirstTokenMs, double TotalMs, string Outcome);

    /// <summary>The public chat calls: JSON with the key, and the widget's event stream.</summary>
    internal sealed class ChatClient(HttpClient http, string key, Guid projectId)
    {
        public async Task<int> PostJsonAsync(string question)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat") { Content = JsonContent.Create(new { question }) };
            request.Headers.Add("X-CleanRag-Key", key);
            try
            {
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                return (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
                return 0;
            }
        }

        public async Task AskJsonAsync(string question)
        {
            var status = await PostJsonAsync(question);
            if (status != 200)
                throw new InvalidOperationException($"POST /v1/chat answered {status}");
        }

        public async Task<StreamedAnswer> AskStreamingAsync(string question)
        {
            var timer = Stopwatch.StartNew();
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/chat")
            {
                Content = JsonContent.Create(new { project_id = projectId, message = question, visitor_id = "load" }),
            };
            request.Headers.Add("Origin", Dashboard.Origin);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            double? firstToken = null;
            var outcome = "?";
            string? currentEvent = null;
            while (await reader.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    currentEvent = line[7..];
                    if (currentEvent == "token")
                        firstToken ??= timer.Elapsed.TotalMilliseconds;
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal) && currentEvent == "done")
                {
                    outcome = JsonDocument.Parse(line[6..]).RootElement.GetProperty("outcome").GetString()!;
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal) && currentEvent == "error")
                {
                    throw new InvalidOperationException($"The stream failed: {line[6..]}");
                }
            }
            return new StreamedAnswer(firstToken, timer.Elapsed.TotalMilliseconds, outcome);
        }
    }
}
