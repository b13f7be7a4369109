using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CleanRag.Api.Tests.PublicChat;
using CleanRag.Api.Tests.Webhooks;
using CleanRag.Testing;

namespace CleanRag.Api.Tests.Faults;

/// <summary>
/// PostgreSQL restarted in the middle of a burst of chats (target api_database_restart: the API as its own process, on a
/// cluster of the test's own, since restarting the checkout's cluster would cut every other test assembly): every chat
/// that was answered is stored, every other one got a clean, retriable 503, the service recovers by itself, and the
/// events behind every stored chat still reach their webhooks.
/// </summary>
[NonParallelizable]
public sealed class DatabaseRestartTests
{
    private const string Target = "api_database_restart";
    private const int Clients = 16;
    private const string Question = "How much of my glasses is covered?";

    [Test]
    public async Task A_database_restart_during_a_burst_of_chats_loses_no_answered_chat_and_refuses_the_others_with_a_retriable_503()
    {
        var root = TestServices.DataDirectory(Target);
        await using var database = await PrivatePostgres.StartAsync(Path.Combine(root, "postgres"));
        var data = Path.Combine(root, "data"); // the search index belongs with the database, which is new
        if (Directory.Exists(data))
            Directory.Delete(data, recursive: true);
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var api = await ApiProcess.StartAsync(Target, new Dictionary<string, string>(CleanRagApiFactory.WebhookTestSettings)
        {
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
            ["Data:Directory"] = data,
        });
        using var owner = (await TestActors.NewOwnerAsync(api.Client(), "Restarted Inc")).Client;
        var (projectId, liveKey) = await LiveProjectAsync(owner, receiver.Url);

        IReadOnlyList<ChatAttempt> attempts;
        await using (var burst = Burst.Start(api, liveKey, Clients))
        {
            await burst.WaitForAnsweredAsync(Clients, "the burst under way");
            burst.Phase = Phase.DuringRestart;
            await database.RestartAsync();
            burst.Phase = Phase.AfterRestart;
            await burst.WaitForAnsweredAsync(Clients, "chats answered again after the restart", Phase.AfterRestart);
            attempts = await burst.StopAsync();
        }

        var answered = attempts.Where(a => a.Answered).ToList();
        var refused = attempts.Where(a => a.IsRetriableOutageError).ToList();
        var otherwise = attempts.Except(answered).Except(refused).ToList();
        var stored = 0;
        foreach (var chat in answered)
            stored += await IsStoredAsync(owner, projectId, chat) ? 1 : 0;
        await TestContext.Out.WriteLineAsync(
            $"PostgreSQL restart during a burst of {Clients} clients: {attempts.Count} chats ({Count(attempts, Phase.BeforeRestart)} before, " +
            $"{Count(attempts, Phase.DuringRestart)} during, {Count(attempts, Phase.AfterRestart)} after the restart); {answered.Count} answered, " +
            $"{stored} of them stored; {refused.Count} answered 503 service_unavailable ({Count(refused, Phase.DuringRestart)} during, " +
            $"{Count(refused, Phase.AfterRestart)} after the restart), {otherwise.Count} otherwise");
        Count(attempts, Phase.DuringRestart).Should().BePositive("chats must have been sent while the database was down");
        otherwise.GroupBy(a => a.Outcome).Select(g => $"{g.Count()}× {g.Key}").Should().BeEmpty("a request during the outage is refused with a retriable 503 in the API's error shape, never a 500 or a hang");
        stored.Should().Be(answered.Count, "every answered chat is stored");

        // Nothing stuck: the daemon forwards the events stored across the restart, and their webhooks go out.
        var answeredConversations = answered.Select(a => a.ConversationId).ToHashSet();
        var deliveries = (await receiver.WaitForAsync(r => StartedConversations(r).IsSupersetOf(answeredConversations),
            "a conversation.started delivery for every answered chat", TimeSpan.FromMinutes(2))).Where(d => d.Event == "conversation.started").ToList();
        var delivered = StartedConversations(deliveries);
        await Eventually.IsTrueAsync(async () => (await owner.GetAsync("/health/ready")).IsSuccessStatusCode, TimeSpan.FromSeconds(30), "/health/ready to answer 200");
        await TestContext.Out.WriteLineAsync(
            $"after the restart: /health/ready 200; {deliveries.Count} conversation.started deliveries for {delivered.Count} conversations " +
            $"({deliveries.Count - delivered.Count} duplicates), {delivered.Except(answeredConversations).Count()} of them stored for a chat answered 503");
    }

    private static async Task<(Guid ProjectId, string LiveKey)> LiveProjectAsync(HttpClient owner, string webhookUrl)
    {
        var project = await (await owner.PostAsJsonAsync("/v1/projects", new { name = "Support", rateLimits = new { keyRequestsPerMinute = 100_000 } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var projectId = project.GetProperty("id").GetGuid();
        (await owner.PostAsJsonAsync($"/v1/projects/{projectId}/webhooks", new { url = webhookUrl, events = new[] { "conversation.started" } }))
            .EnsureSuccessStatusCode();
        var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(LiveProject.Knowledge));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
        upload.Add(file, "files", "benefits.md");
        (await owner.PostAsync($"/v1/projects/{projectId}/documents", upload)).EnsureSuccessStatusCode();
        var deployed = await owner.PostAsync($"/v1/projects/{projectId}/deploy", null);
        deployed.StatusCode.Should().Be(HttpStatusCode.OK, await deployed.Content.ReadAsStringAsync());
        var liveKey = (await deployed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetProperty("key").GetString()!;
        await Eventually.IsTrueAsync(async () =>
            (await owner.GetFromJsonAsync<JsonElement>($"/v1/projects/{projectId}")).GetProperty("status").GetString() == "live",
            TimeSpan.FromSeconds(90), "the project is live");
        return (projectId, liveKey);
    }

    /// <summary>The chat's conversation holds its question and what became of it, as the audit log shows them.</summary>
    private static async Task<bool> IsStoredAsync(HttpClient owner, Guid projectId, ChatAttempt chat)
    {
        var response = await owner.GetAsync($"/v1/projects/{projectId}/conversations/{chat.ConversationId}/events");
        if (!response.IsSuccessStatusCode)
            return false;
        var events = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("events").EnumerateArray().ToList();
        return events.Any(e => e.GetProperty("type").GetString() == "visitor_asked" &&
                               e.GetProperty("data").GetProperty("messageId").GetGuid() == chat.MessageId &&
                               e.GetProperty("data").GetProperty("question").GetString() == Question) &&
               // The question and what became of it (answered, refused, …).
               events.Count(e => e.GetProperty("data").TryGetProperty("messageId", out var id) && id.GetGuid() == chat.MessageId) == 2;
    }

    private static HashSet<Guid> StartedConversations(IEnumerable<ReceivedWebhook> deliveries) =>
        deliveries.Where(d => d.Event == "conversation.started").Select(d => d.Json.GetProperty("data").GetProperty("conversationId").GetGuid()).ToHashSet();

    private static int Count(IEnumerable<ChatAttempt> attempts, Phase phase) => attempts.Count(a => a.StartedIn == phase);

    private enum Phase { BeforeRestart, DuringRestart, AfterRestart }

    /// <summary>One chat request: when it was sent, and the answer (status 0: no answer at all).</summary>
    private sealed record ChatAttempt(Phase StartedIn, int Status, string Body, bool HasRetryAfter)
    {
        public bool Answered => Status == 200;

        public Guid ConversationId => Json()!.Value.GetProperty("conversationId").GetGuid();

        public Guid MessageId => Json()!.Value.GetProperty("messageId").GetGuid();

        /// <summary>The status and the error code (or what came instead), for a failure message.</summary>
        public string Outcome => Json() is { } json && json.TryGetProperty("code", out var code) ? $"{Status} {code}" : $"{Status} {Body[..Math.Min(Body.Length, 200)]}";

        /// <summary>503 in the API's error shape (<c>error</c>, <c>code</c>, <c>status</c>), with a Retry-After.</summary>
        public bool IsRetriableOutageError =>
            Status == 503 && HasRetryAfter && Json() is { } error &&
            error.TryGetProperty("error", out var message) && message.ValueKind == JsonValueKind.String &&
            error.TryGetProperty("code", out var code) && code.GetString() == "service_unavailable" &&
            error.TryGetProperty("status", out var status) && status.GetInt32() == 503;

        private JsonElement? Json()
        {
            try
            {
                return JsonDocument.Parse(Body).RootElement;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    /// <summary>Clients asking the same question over and over, each waiting for its answer before the next.</summary>
    private sealed class Burst : IAsyncDisposable
    {
        private readonly HttpClient _client;
        private readonly ConcurrentQueue<ChatAttempt> _attempts = new();
        private readonly CancellationTokenSource _stop = new();
        private Task[] _clients = [];
        private volatile int _phase;

        private Burst(HttpClient client) => _client = client;

        public Phase Phase
        {
            get => (Phase)_phase;
            set => _phase = (int)value;
        }

        public static Burst Start(ApiProcess api, string liveKey, int clients)
        {
            var client = api.Client();
            client.Timeout = TimeSpan.FromSeconds(60); // a hang is reported as a request without an answer
            client.DefaultRequestHeaders.Add("X-CleanRag-Key", liveKey);
            var burst = new Burst(client);
            burst._clients = Enumerable.Range(0, clients).Select(_ => Task.Run(burst.ChatUntilStoppedAsync)).ToArray();
            return burst;
        }

        public Task WaitForAnsweredAsync(int count, string what, Phase since = Phase.BeforeRestart) =>
            Eventually.IsTrueAsync(() => Task.FromResult(_attempts.Count(a => a.Answered && a.StartedIn >= since) >= count), TimeSpan.FromMinutes(2), what);

        public async Task<IReadOnlyList<ChatAttempt>> StopAsync()
        {
            await _stop.CancelAsync();
            await Task.WhenAll(_clients);
            return _attempts.ToList();
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            _client.Dispose();
            _stop.Dispose();
        }

        private async Task ChatUntilStoppedAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                var phase = Phase;
                try
                {
                    using var response = await _client.PostAsJsonAsync("/v1/chat", new { question = Question });
                    _attempts.Enqueue(new ChatAttempt(phase, (int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.RetryAfter is not null));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    _attempts.Enqueue(new ChatAttempt(phase, 0, e.Message, false));
                }
            }
        }
    }
}
