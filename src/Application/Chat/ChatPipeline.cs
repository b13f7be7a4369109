using System.Diagnostics;
using System.Runtime.CompilerServices;
using CleanRag.Application.Chat.Answering;
using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Common.Telemetry;
using CleanRag.Application.Documents;
using CleanRag.Application.Plans;
using CleanRag.Application.Projects;
using CleanRag.Domain.Conversations;

namespace CleanRag.Application.Chat;

/// <summary>
/// The hot path, step by step: open the turn → escalate, or retrieve passages → generate (streamed) → cite →
/// score → record the turn, as the conversation decides it. Nothing goes over the bus on the way; the events reach
/// it afterwards like any other. Escalations and refusals are recorded before their text is sent.
/// </summary>
public sealed class ChatPipeline(
    IReadStore readStore, IIndexedDocuments indexedDocuments, TurnRecorder recorder, PassageRetrieval retrieval, AnswerGeneration generation,
    CitationResolver citations, PlanGuard plan, TimeProvider clock, IRequestContext caller)
{
    public const string NotFoundAnswer = "I couldn't find that in the documents.";

    /// <summary>The honest answer of a deployed project whose documents are still being indexed (its keys work at once).</summary>
    public const string NoDocumentsYetAnswer = "I don't have any documents to answer from yet. Please try again in a few minutes.";

    /// <summary>The outcome of a question asked while a person handles the conversation: no answer, no tokens.</summary>
    public const string AwaitingHuman = "awaiting_human";

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

        // Visitors' questions count against the month's messages; the owner's test traffic does not.
        if (request.Channel != ConversationChannel.Dashboard && !request.IsTest)
            await plan.EnsureMessageQuotaAsync(cancellationToken);
        var handoff = await plan.AllowsAsync(Features.HumanHandoff, cancellationToken);
        var turn = await recorder.BeginAsync(request, project, question, cancellationToken);
        yield return new ConversationOpened(turn.Conversation.Id, turn.MessageId, turn.Conversation.SessionId, turn.Conversation.VisitorId);
        try
        {
            if (turn.Conversation.BotStaysQuiet)
            {
                // A person handles the conversation: the question is recorded for them and the bot says nothing.
                await recorder.RecordAsync(turn, c => c.HoldForHuman(turn.MessageId, turn.AskedAt), cancellationToken);
                yield return Completed(request, started, turn, "", [], 0, AwaitingHuman);
                yield break;
            }

            // Without human handoff in the plan nobody would take the conversation: the bot keeps answering instead.
            if (handoff && EscalationDetector.Detect(question) is { } escalation)
            {
                await recorder.RecordAsync(turn,
                    c => c.Escalate(turn.MessageId, escalation.Reason, escalation.Email, escalation.Phone, turn.AskedAt), cancellationToken);
                yield return new AnswerToken(EscalationDetector.Reply);
                yield return Completed(request, started, turn, EscalationDetector.Reply, [], 1.0, "escalated");
                yield break;
            }

            if (!await indexedDocuments.AnyAsync(project.Id, cancellationToken))
            {
                await recorder.RecordAsync(turn, c => c.LeaveUnanswered(turn.MessageId, 0, turn.AskedAt, NoDocumentsYetAnswer), cancellationToken);
                yield return new AnswerToken(NoDocumentsYetAnswer);
                yield return Completed(request, started, turn, NoDocumentsYetAnswer, [], 0, "unanswered");
                yield break;
            }

            var retrievalStarted = Stopwatch.GetTimestamp();
            var (searchQuery, passages) = await retrieval.RetrieveAsync(project, question, turn.Conversation.Turns, turn.Page, cancellationToken);
            CleanRagMetrics.RetrievalDuration.Record(Stopwatch.GetElapsedTime(retrievalStarted).TotalMilliseconds);
            turn.SearchQuery = searchQuery;
            if (passages.Count == 0)
            {
                await recorder.RecordAsync(turn, c => c.LeaveUnanswered(turn.MessageId, 0, turn.AskedAt), cancellationToken);
                yield return new AnswerToken(NotFoundAnswer);
                yield return Completed(request, started, turn, NotFoundAnswer, [], 0, "unanswered");
                yield break;
            }

            var generated = generation.Generate(project.Settings, passages, question, turn.Page);
            await using (var pieces = generated.GetAsyncEnumerator(cancellationToken))
            {
                while (await NextPieceAsync(pieces, turn))
                    yield return new AnswerToken(pieces.Current);
            }

            var answer = generated.Text;
            CleanRagMetrics.Tokens.Add(generated.PromptTokens, new("kind", "prompt"), new("model", generated.Model));
            CleanRagMetrics.Tokens.Add(generated.CompletionTokens, new("kind", "completion"), new("model", generated.Model));
            var sources = CitationMapper.Map(answer, passages);
            var confidence = ConfidenceScore.Of(passages, sources);
            if (!ConfidenceScore.Supports(sources, confidence, project.Settings.Retrieval.MinimumRelevance))
            {
                // Nothing the generator said is backed by a cited passage: refuse honestly rather than answer unsupported.
                await recorder.RecordAsync(turn, c => c.Refuse(turn.MessageId, confidence, turn.AskedAt), cancellationToken);
                yield return new AnswerReplaced(NotFoundAnswer);
                yield return Completed(request, started, turn, NotFoundAnswer, [], confidence, "unanswered");
                yield break;
            }

            // The sources are recorded with their documents' source URLs, so the stored answer links where it did.
            var documents = await citations.DocumentsOfAsync(sources, cancellationToken);
            var cited = CitationResolver.WithSourceUrls(sources, documents);
            // Linked before the turn is recorded: a failure after the commit (a database outage) would answer 503 for a
            // stored turn, and the client's retry would ask the question again.
            var shown = request.LinkSources
                ? citations.Link(project.Id, cited, documents)
                : [.. cited.Select(source => new Citation(source, source.SourceUrl))];
            var latencyMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var answeredAt = clock.GetUtcNow();
            await recorder.RecordAsync(turn,
                c => c.Answer(turn.MessageId, answer, cited, confidence, generated.Model, latencyMs, generated.PromptTokens,
                    generated.CompletionTokens, answeredAt),
                cancellationToken);
            yield return Completed(request, started, turn, answer, shown, confidence, "answered");
        }
        finally
        {
            if (!turn.Recorded)
                await recorder.RecordAbandonedAsync(turn);
        }
    }

    /// <summary>The next piece of the generated answer; a provider failure records the question with the failure, then surfaces.</summary>
    private async ValueTask<bool> NextPieceAsync(IAsyncEnumerator<string> pieces, ChatTurn turn)
    {
        try
        {
            return await pieces.MoveNextAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await recorder.RecordFailureAsync(turn, "upstream_failed", exception.Message);
            throw exception as UpstreamModelException ?? new UpstreamModelException("The language model failed to answer.", exception);
        }
    }

    private async Task<ProjectDetails> LoadProjectAsync(ChatRequest request, CancellationToken cancellationToken) =>
        ChatAccess.Ensure(
            // A key's project was read to authenticate the key, in this request: not read again.
            caller.ApiKey is { Project: { } keyProject } && keyProject.Id == request.ProjectId
                ? keyProject
                : await readStore.LoadAsync<ProjectDetails>(request.ProjectId, cancellationToken),
            request.Channel, request.Origin, caller.OwnOrigin);

    private static ChatCompleted Completed(
        ChatRequest request, long started, ChatTurn turn, string answer, IReadOnlyList<Citation> sources, double confidence, string outcome)
    {
        CleanRagMetrics.ChatDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds,
            new("outcome", outcome), new("channel", request.Channel.ToString().ToLowerInvariant()));
        return new(new ChatAnswer(answer, turn.Conversation.Id, turn.MessageId, turn.Conversation.SessionId, turn.Conversation.VisitorId,
            sources, confidence, outcome));
    }
}
