using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CleanRag.Eval;

/// <summary>
/// Reference questions through a running service's public API, as a customer meets them: a fresh owner signs up,
/// creates a project, uploads every file of a folder, deploys, waits until each document is indexed, then asks each
/// question with the project's key on POST /v1/chat (a new conversation each) and compares the cited sources with
/// the pages the reference answer cites (<c>[file.pdf#page=N]</c>). Off-topic questions must be refused with no sources.
/// </summary>
internal static partial class ChatQuestions
{
    private const string Password = "correct horse battery staple";
    private static readonly TimeSpan IndexingTimeout = TimeSpan.FromMinutes(20);

    /// <summary>Questions no company document answers; <c>--off-topic-file</c> (one per line) replaces them.</summary>
    private static readonly string[] DefaultOffTopic =
    [
        "What is the capital of France?",
        "How do I bake sourdough bread?",
        "Who won the football world cup in 2014?",
        "What is the boiling point of water on Mount Everest?",
        "Can you recommend a good science fiction novel?",
    ];

    public static async Task<int> RunAsync(
        string questionsPath, string documentsFolder, string apiUrl, string? offTopicPath, int? chunkSize, bool keepProject)
    {
        var questions = File.ReadLines(questionsPath).Where(l => l.Trim().Length > 0).Select(ReferenceQuestion.Parse).ToList();
        var offTopic = offTopicPath is null ? DefaultOffTopic : File.ReadLines(offTopicPath).Where(l => l.Trim().Length > 0).ToArray();
        // The questions may sit beside the documents (as in the Northwind folder), with a LICENSE: neither is a document.
        var (files, skipped) = Directory.GetFiles(documentsFolder).Order(StringComparer.Ordinal)
            .Aggregate((Files: new List<string>(), Skipped: new List<string>()), (lists, f) =>
            {
                var isDocument = Path.GetFullPath(f) != Path.GetFullPath(questionsPath) && Path.GetExtension(f).Length > 1
                    && !Path.GetFileName(f).StartsWith('.');
                (isDocument ? lists.Files : lists.Skipped).Add(f);
                return lists;
            });
        Console.WriteLine($"{questions.Count} reference questions ({questionsPath}), {offTopic.Length} off-topic; {files.Count} files in {documentsFolder}" +
            (skipped.Count > 0 ? $" (not uploaded: {string.Join(", ", skipped.Select(Path.GetFileName))})" : "") + $"; service {apiUrl}.");

        using var http = new HttpClient { BaseAddress = new Uri(apiUrl), Timeout = TimeSpan.FromMinutes(5) };
        var health = await http.GetFromJsonAsync<JsonElement>("/health");
        Console.WriteLine(health.TryGetProperty("embeddings", out var embeddings)
            ? $"Service embedder: {embeddings.GetProperty("provider").GetString()} {embeddings.GetProperty("model").GetString()}."
            : "Service embedder: not reported by /health (an older service).");

        // ---- setup: owner, company, project, documents, deployment -------------------------------------------------
        var email = $"eval-{Guid.NewGuid():N}@example.com";
        var signup = await Expect(await http.PostAsJsonAsync("/v1/auth/signup", new { email, password = Password, name = "Eval" }), "sign up");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", signup.GetProperty("accessToken").GetString());
        await Expect(await http.PostAsJsonAsync("/v1/companies", new { name = "Eval" }), "create the company");
        var project = await Expect(await http.PostAsJsonAsync("/v1/projects", new
        {
            name = $"Eval {DateTime.UtcNow:yyyy-MM-dd HH:mm}",
            indexing = chunkSize is null ? null : new { chunkSize },
        }), "create the project");
        Console.WriteLine($"Chunk size {project.GetProperty("settings").GetProperty("indexing").GetProperty("chunkSize").GetInt32()} tokens" +
            (chunkSize is null ? " (the service's default)." : "."));
        var projectId = project.GetProperty("id").GetGuid();
        try
        {
            var uploading = Stopwatch.StartNew();
            foreach (var file in files)
            {
                using var form = new MultipartFormDataContent();
                var part = new ByteArrayContent(await File.ReadAllBytesAsync(file));
                part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                form.Add(part, "files", Path.GetFileName(file));
                await Expect(await http.PostAsync($"/v1/projects/{projectId}/documents", form), $"upload {Path.GetFileName(file)}");
            }
            var deployment = await Expect(await http.PostAsync($"/v1/projects/{projectId}/deploy", null), "deploy");
            var key = deployment.GetProperty("key").GetProperty("key").GetString()!;
            await WaitUntilIndexedAsync(http, projectId, files.Count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Uploaded, deployed and indexed {files.Count} files in {uploading.Elapsed.TotalSeconds:F1} s."));
            Console.WriteLine();

            using var chat = new HttpClient { BaseAddress = new Uri(apiUrl), Timeout = TimeSpan.FromMinutes(5) };
            chat.DefaultRequestHeaders.Add("X-CleanRag-Key", key);

            // ---- reference questions ---------------------------------------------------------------------------
            var latencies = new List<double>();
            int rightFile = 0, rightPage = 0, citedPage = 0, topFile = 0, topPage = 0, topCitedPage = 0, refused = 0;
            for (var i = 0; i < questions.Count; i++)
            {
                var question = questions[i];
                var (answer, elapsed) = await AskAsync(chat, question.Question);
                latencies.Add(elapsed);
                var sources = Sources(answer);
                var isRefusal = answer.GetProperty("outcome").GetString() != "answered";
                var fileHit = sources.Any(question.CitesFile);
                var pageHit = sources.Any(question.CitesPage);
                rightFile += fileHit ? 1 : 0;
                rightPage += pageHit ? 1 : 0;
                topFile += sources.Count > 0 && question.CitesFile(sources[0]) ? 1 : 0;
                topPage += sources.Count > 0 && question.CitesPage(sources[0]) ? 1 : 0;
                citedPage += sources.Any(question.CitesExactPage) ? 1 : 0;
                topCitedPage += sources.Count > 0 && question.CitesExactPage(sources[0]) ? 1 : 0;
                refused += isRefusal ? 1 : 0;
                Console.WriteLine($"{i + 1,3}. {(pageHit ? "page" : fileHit ? "file" : "MISS"),-4} {question.Question}");
                Console.WriteLine($"       expected {string.Join(", ", question.References.Select(r => $"{r.File} p{r.Page}"))}");
                Console.WriteLine($"       cited    {(isRefusal ? "(refused) " : "")}{string.Join(", ", sources.Select(s => s.ToString()))}");
            }

            // ---- off-topic questions ---------------------------------------------------------------------------
            Console.WriteLine();
            var offTopicRefused = 0;
            foreach (var question in offTopic)
            {
                var (answer, elapsed) = await AskAsync(chat, question);
                latencies.Add(elapsed);
                var sources = Sources(answer);
                var ok = answer.GetProperty("outcome").GetString() != "answered" && sources.Count == 0;
                offTopicRefused += ok ? 1 : 0;
                Console.WriteLine($"  off-topic {(ok ? "refused " : "ANSWERED")} {question}{(ok ? "" : $" → {string.Join(", ", sources)}")}");
            }

            var n = Math.Max(1, questions.Count);
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                questions          {questions.Count}
                right file         {rightFile} ({100.0 * rightFile / n:F0} %)   top source {topFile} ({100.0 * topFile / n:F0} %)
                right page         {rightPage} ({100.0 * rightPage / n:F0} %)   top source {topPage} ({100.0 * topPage / n:F0} %)   (a reference page within a cited passage's pages)
                right cited page   {citedPage} ({100.0 * citedPage / n:F0} %)   top source {topCitedPage} ({100.0 * topCitedPage / n:F0} %)   (pageNumber itself is a reference page)
                refused            {refused}
                off-topic refused  {offTopicRefused}/{offTopic.Length} with no sources
                chat latency       p50 {RetrievalMetrics.Percentile(latencies, 50):F0} ms, p95 {RetrievalMetrics.Percentile(latencies, 95):F0} ms ({latencies.Count} chats)
                """));
            return 0;
        }
        finally
        {
            if (keepProject)
                Console.WriteLine($"Project {projectId} kept (owner {email}, password '{Password}').");
            else
                await http.DeleteAsync($"/v1/projects/{projectId}");
        }
    }

    private static async Task WaitUntilIndexedAsync(HttpClient http, Guid projectId, int expected)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var documents = (await http.GetFromJsonAsync<JsonElement>($"/v1/projects/{projectId}/documents")).EnumerateArray().ToList();
            var failed = documents.Where(d => d.GetProperty("status").GetString() == "failed").ToList();
            if (failed.Count > 0)
                throw new SetupFailedException("indexing failed: " + string.Join("; ", failed.Select(d =>
                    $"{d.GetProperty("fileName").GetString()}: {(d.TryGetProperty("error", out var error) ? error.ToString() : "no reason given")}")));
            var indexed = documents.Count(d => d.GetProperty("status").GetString() == "indexed");
            if (indexed >= expected)
                return;
            if (waited.Elapsed > IndexingTimeout)
                throw new SetupFailedException($"only {indexed} of {expected} documents indexed after {IndexingTimeout.TotalMinutes} minutes");
            Console.Error.Write($"\r  indexed {indexed}/{expected} after {waited.Elapsed.TotalSeconds:F0} s");
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>One chat in a new conversation; a rate-limited ask waits as told and is sent again (not timed twice).</summary>
    private static async Task<(JsonElement Answer, double Milliseconds)> AskAsync(HttpClient chat, string question)
    {
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            var response = await chat.PostAsJsonAsync("/v1/chat", new { question });
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5));
                continue;
            }
            return (await Expect(response, $"ask '{question}'"), elapsed);
        }
    }

    private static List<CitedPages> Sources(JsonElement answer) =>
        answer.TryGetProperty("sources", out var sources) && sources.ValueKind == JsonValueKind.Array
            ? [.. sources.EnumerateArray().Select(CitedPages.From)]
            : [];

    private static async Task<JsonElement> Expect(HttpResponseMessage response, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new SetupFailedException($"{what}: {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    [GeneratedRegex(@"\[([^\]#]+)#page=(\d+)\]")]
    private static partial Regex Citation();

    /// <summary>A reference question and the file pages its answer cites.</summary>
    private sealed record ReferenceQuestion(string Question, IReadOnlyList<(string File, int Page)> References)
    {
        public static ReferenceQuestion Parse(string line)
        {
            var json = JsonDocument.Parse(line).RootElement;
            return new ReferenceQuestion(json.GetProperty("question").GetString()!,
                [.. Citation().Matches(json.GetProperty("truth").GetString()!)
                    .Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))]);
        }

        public bool CitesFile(CitedPages source) => References.Any(r => r.File == source.File);

        /// <summary>The cited page, or any page of the cited passage (pageStart..pageEnd), is one the reference cites.</summary>
        public bool CitesPage(CitedPages source) =>
            References.Any(r => r.File == source.File && source.Page is { } page && r.Page >= (source.PageStart ?? page) && r.Page <= (source.PageEnd ?? page));

        public bool CitesExactPage(CitedPages source) => References.Any(r => r.File == source.File && r.Page == source.Page);
    }

    /// <summary>A cited source: its file, the cited page, and the pages its passage spans.</summary>
    private sealed record CitedPages(string File, int? Page, int? PageStart, int? PageEnd)
    {
        public static CitedPages From(JsonElement source) => new(
            source.GetProperty("title").GetString()!, Int(source, "pageNumber"), Int(source, "pageStart"), Int(source, "pageEnd"));

        private static int? Int(JsonElement source, string name) =>
            source.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

        public override string ToString() => Page is null ? File
            : PageStart is { } start && PageEnd is { } end && (start != Page || end != Page) ? $"{File} p{Page} ({start}-{end})" : $"{File} p{Page}";
    }
}

/// <summary>The service could not be set up for the evaluation (a call failed, a document failed to index).</summary>
internal sealed class SetupFailedException(string message) : Exception(message);
