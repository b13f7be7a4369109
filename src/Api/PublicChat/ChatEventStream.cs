using System.Text.Json;
using CleanRag.Api.Errors;
using CleanRag.Application.Chat;
using CleanRag.Application.Common.Interfaces;

namespace CleanRag.Api.PublicChat;

/// <summary>
/// Streams the chat pipeline as Server-Sent Events: <c>conversation_id</c> first, a <c>token</c> per chunk,
/// <c>replace</c> when the streamed text must give way to an honest refusal, then <c>sources</c> (the citation URLs),
/// <c>citations</c> (the cited sources in full), <c>confidence</c> and <c>done</c>; <c>error</c> when something fails
/// after the stream started.
/// </summary>
internal static partial class ChatEventStream
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task WriteAsync(HttpContext http, IAsyncEnumerable<ChatUpdate> updates, TimeSpan keepAliveInterval)
    {
        var cancellationToken = http.RequestAborted;
        await using var enumerator = updates.GetAsyncEnumerator(cancellationToken);
        // Failures before the first update (not live, question too long, no documents, …) still answer with
        // their status code and the JSON error shape: nothing has been sent yet.
        if (!await enumerator.MoveNextAsync())
            return;

        await using var writer = ServerSentEventWriter.Start(http.Response, keepAliveInterval);
        try
        {
            do
            {
                await WriteUpdateAsync(writer, enumerator.Current, cancellationToken);
            }
            while (await enumerator.MoveNextAsync());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The visitor went away: the pipeline's work was cancelled with the request.
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var error = ApiExceptionHandler.Map(exception, http.RequestServices.GetRequiredService<IDependencyOutageDetector>()).For(http);
            if (error.Status >= 500 && error.Code == "internal_error")
                LogStreamFailed(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ChatEventStream)), exception);
            await writer.WriteEventAsync("error", JsonSerializer.Serialize(error, Json), CancellationToken.None);
        }
    }

    private static Task WriteUpdateAsync(ServerSentEventWriter writer, ChatUpdate update, CancellationToken cancellationToken) => update switch
    {
        ConversationOpened opened => writer.WriteEventAsync("conversation_id", opened.ConversationId.ToString(), cancellationToken),
        AnswerToken token => writer.WriteEventAsync("token", JsonSerializer.Serialize(new TextEvent(token.Text), Json), cancellationToken),
        AnswerReplaced replaced => writer.WriteEventAsync("replace", JsonSerializer.Serialize(new TextEvent(replaced.Text), Json), cancellationToken),
        // Sources and confidence are sent with the completion, for every outcome (empty and 0 for a refusal).
        ChatCompleted completed => WriteCompletionAsync(writer, completed.Answer, cancellationToken),
        _ => throw new InvalidOperationException($"{update.GetType().Name} has no event."),
    };

    private static async Task WriteCompletionAsync(ServerSentEventWriter writer, ChatAnswer answer, CancellationToken cancellationToken)
    {
        // A widget links each source with sources alone; citations adds what it needs to show them. (A source whose
        // file was deleted since, and that has no source URL, has no link: it is left out of sources only.)
        var urls = answer.Sources.Where(c => c.Url is not null).Select(c => c.Url!).ToList();
        await writer.WriteEventAsync("sources", JsonSerializer.Serialize(urls, Json), cancellationToken);
        await writer.WriteEventAsync("citations", JsonSerializer.Serialize(answer.Sources.Select(c => new CitationEvent(
            c.Source.Title, c.Source.Excerpt, c.Source.PageNumber, c.Source.PageStart ?? c.Source.PageNumber, c.Source.PageEnd,
            c.Source.DocumentId, c.Source.Score, c.Url)), Json), cancellationToken);
        await writer.WriteEventAsync("confidence", answer.Confidence.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        await writer.WriteEventAsync("done", JsonSerializer.Serialize(
            new DoneEvent(answer.ConversationId, answer.MessageId, answer.VisitorId, answer.Outcome, answer.Answer), Json), cancellationToken);
    }

    /// <summary>The data of <c>token</c> and <c>replace</c>.</summary>
    private sealed record TextEvent(string Text);

    /// <summary>One element of <c>citations</c>: <c>page</c> is the page cited (of the sentence the answer used), the passage
    /// spans <c>page_start</c>..<c>page_end</c>.</summary>
    private sealed record CitationEvent(
        string Title, string Excerpt, int? Page, int? PageStart, int? PageEnd, Guid DocumentId, double Score, string? Url);

    private sealed record DoneEvent(Guid ConversationId, Guid MessageId, string VisitorId, string Outcome, string Answer);

    [LoggerMessage(Level = LogLevel.Error, Message = "The chat stream failed after it started")]
    private static partial void LogStreamFailed(ILogger logger, Exception exception);
}
