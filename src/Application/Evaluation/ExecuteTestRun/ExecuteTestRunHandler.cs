using System.Diagnostics;
using CleanRag.Application.Chat;
using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Common.Messaging;
using CleanRag.Application.Documents;
using CleanRag.Application.Projects;
using CleanRag.Domain.Conversations;
using CleanRag.Domain.Evaluation;
using Microsoft.Extensions.Logging;

namespace CleanRag.Application.Evaluation.ExecuteTestRun;

/// <summary>
/// Executes a started test run: each prompt not yet evaluated goes through the real chat pipeline with the project's current
/// settings, as test traffic of the dashboard (like the test chat, it is left out of analytics and the message quota), and its
/// verdict is committed at once. A redelivery or a restart after a crash therefore only runs the prompts left, and a prompt is
/// never recorded twice (the run refuses a second verdict, and a concurrent delivery's commit conflicts and retries from the
/// stored run). Once every prompt has its verdict the run completes; a run that cannot go on fails with its reason.
/// </summary>
public sealed partial class ExecuteTestRunHandler(
    IAggregateStore aggregates, IUnitOfWork unitOfWork, IReadStore reads, ChatPipeline chat, TimeProvider clock,
    ILogger<ExecuteTestRunHandler> logger) : IDomainEventHandler<TestRunStarted>
{
    public async Task HandleAsync(DomainEvent<TestRunStarted> notice, CancellationToken cancellationToken)
    {
        var runId = notice.Data.RunId;
        var run = await aggregates.LoadForUpdateAsync<TestRun>(runId, cancellationToken);
        if (run is null || run.IsFinished)
            return; // a redelivery of a finished run

        var project = await reads.LoadAsync<ProjectDetails>(run.ProjectId, cancellationToken);
        if (project is null || project.Status == Domain.Projects.ProjectStatus.Archived)
        {
            aggregates.Append(run, run.Fail("The project is archived or gone.", clock.GetUtcNow()));
            return;
        }
        var fileNames = (await reads.ListAsync<DocumentDetails>(q => q.Where(d => d.ProjectId == run.ProjectId), cancellationToken))
            .ToDictionary(d => d.Id, d => d.FileName);

        try
        {
            foreach (var prompt in run.Remaining)
            {
                var evaluated = await EvaluateAsync(run, prompt, fileNames, cancellationToken);
                run = (await aggregates.LoadForUpdateAsync<TestRun>(runId, cancellationToken))!;
                if (!run.IsPending(prompt.Index))
                    continue; // a concurrent delivery recorded it meanwhile
                aggregates.Append(run, run.Evaluate(prompt.Index, evaluated.Answer, evaluated.Outcome, evaluated.Sources, evaluated.Confidence,
                    evaluated.LatencyMs, evaluated.Verdict.Passed, evaluated.Verdict.Reasons, clock.GetUtcNow()));
                // Each verdict is committed at once: the run shows its progress, and a restart resumes after it.
                await unitOfWork.CommitAsync(cancellationToken);
            }
            run = (await aggregates.LoadForUpdateAsync<TestRun>(runId, cancellationToken))!;
            if (!run.IsFinished)
                aggregates.Append(run, run.Complete(clock.GetUtcNow()));
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or ConcurrencyConflictException) && notice.IsFinalAttempt)
        {
            LogGaveUp(exception, runId);
            unitOfWork.Reset();
            run = (await aggregates.LoadForUpdateAsync<TestRun>(runId, cancellationToken))!;
            if (!run.IsFinished)
                aggregates.Append(run, run.Fail($"The run stopped after retries: {exception.Message}", clock.GetUtcNow()));
        }
    }

    /// <summary>
    /// Asks the prompt's question in a conversation of its own and judges the answer. The chat refusing the request (the project's
    /// own question limit, a model failure) is that prompt's result, not the run's failure.
    /// </summary>
    private async Task<Evaluated> EvaluateAsync(TestRun run, RunPrompt prompt, IReadOnlyDictionary<Guid, string> fileNames, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        ChatAnswer reply;
        try
        {
            reply = await chat.AnswerAsync(new ChatRequest(run.ProjectId, prompt.Question, ConversationId: null, SessionId: null,
                VisitorId: $"test_run_{run.Id:N}", ConversationChannel.Dashboard, IsTest: true, LinkSources: false), cancellationToken);
        }
        catch (ApplicationErrorException refused)
        {
            return new Evaluated("", "failed", [], 0, ElapsedMs(started), new AnswerVerdict(false, [$"the chat failed: {refused.Message}"]));
        }
        IReadOnlyList<RunSource> sources =
            [.. reply.Sources.Select(c => new RunSource(c.Source.DocumentId, c.Source.Title, c.Source.PageNumber, c.Source.PageEnd))];
        return new Evaluated(reply.Answer, reply.Outcome, sources, reply.Confidence, ElapsedMs(started),
            AnswerVerdict.Judge(prompt.Expectation, reply.Answer, reply.Outcome, sources, fileNames));
    }

    private static long ElapsedMs(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

    private sealed record Evaluated(string Answer, string Outcome, IReadOnlyList<RunSource> Sources, double Confidence, long LatencyMs, AnswerVerdict Verdict);

    [LoggerMessage(Level = LogLevel.Error, Message = "Test run {RunId} failed after all retries")]
    private partial void LogGaveUp(Exception exception, Guid runId);
}
