using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Conversations;
using CleanRag.Application.Documents;
using CleanRag.Application.Projects;
using CleanRag.Application.Search;
using CleanRag.Application.Search.Reranking;
using CleanRag.Application.Search.Rewriting;
using CleanRag.Domain.Common;
using CleanRag.Domain.Conversations;
using CleanRag.Domain.Documents;
using CleanRag.Domain.Projects;
using Microsoft.Extensions.AI;

namespace CleanRag.Application.Chat;

/// <summary>
/// The hot path: rewrite the question with the conversation's context → embed → hybrid search → rerank →
/// threshold → generate (streamed) → map citations to sources → record the turn as events. Nothing goes
/// over the bus on the way; the events reach it afterwards like any other.
/// </summary>
public sealed class ChatPipeline(
    IEventStore eventStore,
    IReadStore readStore,
    IQueryRewriter rewriter,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    ISearchIndex index,
    IReranker reranker,
    IChatClient generator,
    TimeProvider clock)
{
    public const string NotFoundAnswer = "I couldn't find that in the documents.";
    private const int CandidatePool = 50;
    private const int ExcerptLength = 320;

    /// <summary>Runs the pipeline and returns the whole answer.</summary>
    public async Task<ChatAnswer> AnswerAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        ChatAnswer? answer = null;
        await foreach (var update in StreamAsync(request, cancellationToken))
        {
            if (update is ChatCompleted completed)
                answer = completed.Answer;
        }
        return answer!;
    }

    /// <summary>Runs the pipeline, yielding the conversation id first, then answer tokens, then sources, confidence and completion.</summary>
    public async IAsyncEnumerable<ChatUpdate> StreamAsync(ChatRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var project = await LoadProjectAsync(request, cancellationToken);
        var question = request.Question.Trim();
        if (question.Length > project.Settings.QuestionMaxLength)
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["question"] = [$"question must be at most {project.Settings.QuestionMaxLength} characters."],
            });

        await EnsureHasIndexedDocumentsAsync(project, cancellationToken);
        var (conversation, opening) = await OpenConversationAsync(request, project, cancellationToken);
        // Conversation and message ids are the visitor's capability to rate and continue the conversation: random
        // (UUID v4, 122 random bits), never time-ordered ids whose neighbours could be guessed.
        var messageId = Guid.NewGuid();
        yield return new ConversationOpened(conversation.Id, messageId, conversation.SessionId, conversation.VisitorId);

        var now = clock.GetUtcNow();
        var turn = new TurnRecorder(this, clock, conversation, opening, conversation.Ask(messageId, question, question, now));
        try
        {
            if (EscalationDetector.Detect(question) is { } escalation)
            {
                await turn.RecordAsync(
                    [new EscalationRequested(conversation.Id, messageId, escalation.Reason, escalation.Email, escalation.Phone, now)], cancellationToken);
                yield return new AnswerToken(EscalationDetector.Reply);
                yield return Completed(conversation, messageId, EscalationDetector.Reply, [], 1.0, "escalated");
                yield break;
            }

            var history = conversation.Turns.Select(t => new ConversationTurn(t.Question, t.Answer)).ToList();
            var searchQuery = await rewriter.RewriteAsync(question, history, cancellationToken);
            var passages = await RetrieveAsync(project, searchQuery, cancellationToken);
            turn.Asked = conversation.Ask(messageId, question, searchQuery, now);

            if (passages.Count == 0)
            {
                await turn.RecordAsync([new QuestionUnanswered(conversation.Id, messageId, question, 0, now)], cancellationToken);
                yield return new AnswerToken(NotFoundAnswer);
                yield return Completed(conversation, messageId, NotFoundAnswer, [], 0, "unanswered");
                yield break;
            }

            var text = new StringBuilder();
            UsageDetails? usage = null;
            string model = generator.GetService<ChatClientMetadata>()?.DefaultModelId ?? "unknown";
            var messages = GroundedPrompt.Build(project.Settings.SystemPrompt, passages, question);
            var options = new ChatOptions { ModelId = project.Settings.Model };
            await using (var updates = GenerateAsync(messages, options, turn, cancellationToken).GetAsyncEnumerator(cancellationToken))
            {
                while (await updates.MoveNextAsync())
                {
                    var update = updates.Current;
                    model = update.ModelId ?? model;
                    usage = update.Contents.OfType<UsageContent>().FirstOrDefault()?.Details ?? usage;
                    if (!string.IsNullOrEmpty(update.Text))
                    {
                        text.Append(update.Text);
                        yield return new AnswerToken(update.Text);
                    }
                }
            }

            var answer = text.ToString().Trim();
            var sources = CitedSources(answer, passages);
            var confidence = Confidence(passages, sources);
            if (sources.Count == 0 || confidence < project.Settings.Retrieval.MinimumRelevance)
            {
                // Nothing the generator said is backed by a cited passage: refuse honestly rather than answer unsupported.
                await turn.RecordAsync([new QuestionUnanswered(conversation.Id, messageId, question, confidence, now)], cancellationToken);
                yield return new AnswerReplaced(NotFoundAnswer);
                yield return Completed(conversation, messageId, NotFoundAnswer, [], confidence, "unanswered");
                yield break;
            }

            var latencyMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            await turn.RecordAsync(
            [
                new AnswerGiven(conversation.Id, messageId, answer, sources, confidence, model, latencyMs,
                    (int)(usage?.InputTokenCount ?? 0), (int)(usage?.OutputTokenCount ?? 0), clock.GetUtcNow()),
            ], cancellationToken);
            yield return Completed(conversation, messageId, answer, sources, confidence, "answered");
        }
        finally
        {
            // The visitor went away (or the stream broke) before the turn was recorded: the question is kept, with why it has no answer.
            if (!turn.Recorded)
                await turn.RecordAbandonedAsync();
        }
    }

    /// <summary>
    /// Records a turn exactly once: the question (with the query retrieval used, once known) and what became of it.
    /// The conversation id is handed out before the answer is ready, so even an abandoned turn leaves its question.
    /// </summary>
    private sealed class TurnRecorder(ChatPipeline pipeline, TimeProvider clock, Conversation conversation, ConversationStarted? opening, VisitorAsked asked)
    {
        public VisitorAsked Asked { get; set; } = asked;
        public bool Recorded { get; private set; }

        public async Task RecordAsync(IReadOnlyList<IDomainEvent> outcome, CancellationToken cancellationToken)
        {
            await pipeline.RecordAsync(conversation, opening, [Asked, .. outcome], cancellationToken);
            Recorded = true;
        }

        public Task RecordFailureAsync(string code, string reason) =>
            RecordAsync([new AnswerFailed(conversation.Id, Asked.MessageId, code, reason, clock.GetUtcNow())], CancellationToken.None);

        public async Task RecordAbandonedAsync()
        {
            try
            {
                await RecordFailureAsync("abandoned", "The answer was not completed: the visitor disconnected or the stream was interrupted.");
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Best effort while unwinding: the original failure (or the disconnect) is what matters to the caller.
            }
        }
    }

    private async Task<ProjectDetails> LoadProjectAsync(ChatRequest request, CancellationToken cancellationToken) =>
        ChatAccess.Ensure(await readStore.LoadAsync<ProjectDetails>(request.ProjectId, cancellationToken), request.Channel, request.Origin);

    private async Task EnsureHasIndexedDocumentsAsync(ProjectDetails project, CancellationToken cancellationToken)
    {
        var indexed = await readStore.ListAsync<DocumentDetails>(
            q => q.Where(d => d.ProjectId == project.Id && d.Status == DocumentStatus.Indexed).Take(1), cancellationToken);
        if (indexed.Count == 0)
            throw new ConflictException("no_documents", "The project has no indexed documents yet; upload and sync some first.");
    }

    private async Task<(Conversation Conversation, ConversationStarted? Opening)> OpenConversationAsync(
        ChatRequest request, ProjectDetails project, CancellationToken cancellationToken)
    {
        var conversationId = request.ConversationId;
        if (conversationId is null && request.SessionId is { Length: > 0 } sessionId)
        {
            var bySession = await readStore.ListAsync<ConversationDetails>(
                q => q.Where(c => c.ProjectId == project.Id && c.SessionId == sessionId).OrderByDescending(c => c.StartedAt).Take(1),
                cancellationToken);
            conversationId = bySession.FirstOrDefault()?.Id;
        }

        if (conversationId is { } existingId)
        {
            var existing = await eventStore.LoadAsync<Conversation>(existingId, cancellationToken);
            if (existing is null || existing.ProjectId != project.Id)
                throw new NotFoundException("Conversation");
            return (existing, null);
        }

        var opening = Conversation.Start(Guid.NewGuid(), project.Id,
            request.VisitorId is { Length: > 0 } visitor ? visitor : $"visitor_{Guid.NewGuid():N}",
            request.SessionId is { Length: > 0 } session ? session : Guid.NewGuid().ToString("N"),
            request.Channel, request.IsTest, request.PageUrl, clock.GetUtcNow(), request.PageContext);
        var conversation = new Conversation();
        conversation.ApplyEvent(opening);
        return (conversation, opening);
    }

    private async Task<IReadOnlyList<SearchHit>> RetrieveAsync(ProjectDetails project, string query, CancellationToken cancellationToken)
    {
        var embedding = (await embedder.GenerateAsync([query], cancellationToken: cancellationToken))[0];
        var vector = embedding.Vector;
        var retrieval = project.Settings.Retrieval;
        var fusion = FusionDefaults.For(retrieval.LexicalWeight,
            embedding.ModelId ?? embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId);
        var candidates = await index.SearchAsync(
            new HybridQuery(new ProjectScope(project.CompanyId, project.Id), query, vector, CandidatePool, fusion), cancellationToken);
        var reranked = await reranker.RerankAsync(query, candidates, retrieval.TopK, cancellationToken);
        // The project's threshold applies after fusion and rerank, never before.
        return reranked.Where(h => h.Score >= retrieval.MinimumRelevance).ToList();
    }

    /// <summary>Streams the generator; a provider failure records the question with the failure, then surfaces.</summary>
    private async IAsyncEnumerable<ChatResponseUpdate> GenerateAsync(
        List<ChatMessage> messages, ChatOptions options, TurnRecorder turn, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = generator.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            ChatResponseUpdate update;
            try
            {
                if (!await stream.MoveNextAsync())
                    yield break;
                update = stream.Current;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await turn.RecordFailureAsync("upstream_failed", exception.Message);
                throw exception as UpstreamModelException ?? new UpstreamModelException("The language model failed to answer.", exception);
            }
            yield return update;
        }
    }

    /// <summary>Appends the turn; a concurrent turn in the same conversation is retried on the newer version.</summary>
    private async Task RecordAsync(Conversation conversation, ConversationStarted? opening, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
    {
        if (opening is not null)
        {
            await eventStore.StartStreamAsync<Conversation>(conversation.Id, [opening, .. events], cancellationToken);
            return;
        }
        for (var attempt = 1; ; attempt++)
        {
            var current = await eventStore.LoadAsync<Conversation>(conversation.Id, cancellationToken) ?? throw new NotFoundException("Conversation");
            try
            {
                await eventStore.AppendAsync(current.Id, current.Version, events, cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < 5)
            {
            }
        }
    }

    private static List<CitedSource> CitedSources(string answer, IReadOnlyList<SearchHit> passages) =>
        GroundedPrompt.CitedNumbers(answer)
            .Where(n => n >= 1 && n <= passages.Count)
            .Select(n =>
            {
                var chunk = passages[n - 1].Chunk;
                return new CitedSource(n, chunk.DocumentId, chunk.DocumentTitle, Excerpt(chunk.Text), chunk.PageStart,
                    Math.Round(passages[n - 1].Score, 4), chunk.PageEnd);
            })
            .ToList();

    /// <summary>Retrieval strength of the best passage, weighted by how much of the used context the answer cites.</summary>
    private static double Confidence(IReadOnlyList<SearchHit> passages, IReadOnlyList<CitedSource> sources)
    {
        if (sources.Count == 0)
            return 0;
        var retrieval = Math.Clamp(passages.Max(p => p.Score), 0, 1);
        var support = Math.Clamp(sources.Max(s => s.Score), 0, 1);
        return Math.Round(0.5 * retrieval + 0.5 * support, 3);
    }

    private static string Excerpt(string text) =>
        text.Length <= ExcerptLength ? text : text[..text.LastIndexOf(' ', ExcerptLength)] + "…";

    private static ChatCompleted Completed(
        Conversation conversation, Guid messageId, string answer, IReadOnlyList<CitedSource> sources, double confidence, string outcome) =>
        new(new ChatAnswer(answer, conversation.Id, messageId, conversation.SessionId, conversation.VisitorId, sources, confidence, outcome));
}
