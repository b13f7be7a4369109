using CleanRag.Application.Common;
using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Conversations;
using CleanRag.Application.Projects;
using CleanRag.Application.Search.Rewriting;
using CleanRag.Domain.Common;
using CleanRag.Domain.Conversations;

namespace CleanRag.Application.Chat.Answering;

/// <summary>
/// The one place the chat writes a conversation's stream. A turn is recorded exactly once, in one commit of the unit
/// of work: the question (with the query retrieval used) and what became of it, both decided by the <see cref="Conversation"/>.
/// The conversation id is handed out before the answer is ready, so even an abandoned turn leaves its question.
/// </summary>
public sealed class TurnRecorder(IEventStore eventStore, IAggregateStore aggregates, IUnitOfWork unitOfWork, IReadStore readStore, TimeProvider clock)
{
    /// <summary>
    /// The turn in the conversation the request continues (by id, or the session's latest), or in a new conversation
    /// that is stored together with its first turn.
    /// </summary>
    public async Task<ChatTurn> BeginAsync(ChatRequest request, ProjectDetails project, string question, CancellationToken cancellationToken)
    {
        var conversationId = request.ConversationId;
        if (conversationId is null && request.SessionId is { Length: > 0 } sessionId)
        {
            var bySession = await readStore.ListAsync<ConversationDetails>(
                q => q.Where(c => c.ProjectId == project.Id && c.SessionId == sessionId).OrderByDescending(c => c.StartedAt).Take(1),
                cancellationToken);
            conversationId = bySession.FirstOrDefault()?.Id;
        }

        // Conversation and message ids are the visitor's capability to rate and continue the conversation: random
        // (UUID v4, 122 random bits), never time-ordered ids whose neighbours could be guessed.
        var messageId = Guid.NewGuid();
        var page = VisitorPage.Of(request.PageUrl, request.PageContext);
        if (conversationId is { } existingId)
        {
            var existing = await eventStore.LoadAsync<Conversation>(existingId, cancellationToken);
            if (existing is null || existing.ProjectId != project.Id)
                throw new NotFoundException("Conversation");
            return new ChatTurn(existing, null, messageId, question, clock.GetUtcNow()) { Page = page };
        }

        var opening = Conversation.Start(Guid.NewGuid(), project.Id,
            request.VisitorId is { Length: > 0 } visitor ? visitor : $"visitor_{Guid.NewGuid():N}",
            request.SessionId is { Length: > 0 } session ? session : Guid.NewGuid().ToString("N"),
            request.Channel, request.IsTest, request.PageUrl, clock.GetUtcNow(), request.PageContext);
        return new ChatTurn(Opened(opening), opening, messageId, question, clock.GetUtcNow()) { Page = page };
    }

    /// <summary>
    /// Records the turn: the question, then <paramref name="settle"/>'s outcome for it. A concurrent turn in the same
    /// conversation is retried on the newer version, where the conversation decides again.
    /// </summary>
    public async Task RecordAsync(ChatTurn turn, Func<Conversation, IDomainEvent> settle, CancellationToken cancellationToken)
    {
        if (turn.Opening is { } opening)
        {
            aggregates.Start<Conversation>(opening.ConversationId, [opening, .. Decide(Opened(opening), turn, settle)]);
            await unitOfWork.CommitAsync(cancellationToken);
        }
        else
        {
            // A lost race is decided again on the newer version, under the one retry policy.
            await ConcurrencyRetry.RunAsync(async _ =>
            {
                var current = await aggregates.LoadForUpdateAsync<Conversation>(turn.Conversation.Id, cancellationToken)
                              ?? throw new NotFoundException("Conversation");
                aggregates.Append(current, Ask(current, turn));
                aggregates.Append(current, settle(current));
                await unitOfWork.CommitAsync(cancellationToken);
                return current.Id;
            }, unitOfWork.Reset, cancellationToken);
        }
        turn.Recorded = true;
    }

    /// <summary>Records that no answer could be produced; recorded even when the request is being cancelled.</summary>
    public Task RecordFailureAsync(ChatTurn turn, string code, string reason)
    {
        var failedAt = clock.GetUtcNow();
        return RecordAsync(turn, conversation => conversation.Fail(turn.MessageId, code, reason, failedAt), CancellationToken.None);
    }

    /// <summary>The visitor went away (or the stream broke) before the turn was recorded: the question is kept, with why it has no answer.</summary>
    public async Task RecordAbandonedAsync(ChatTurn turn)
    {
        try
        {
            await RecordFailureAsync(turn, "abandoned", "The answer was not completed: the visitor disconnected or the stream was interrupted.");
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Best effort while unwinding: the original failure (or the disconnect) is what matters to the caller.
        }
    }

    private static VisitorAsked Ask(Conversation conversation, ChatTurn turn) =>
        conversation.Ask(turn.MessageId, turn.Question, turn.SearchQuery, turn.AskedAt, turn.Page?.Url, turn.Page?.Context);

    private static Conversation Opened(ConversationStarted opening)
    {
        var conversation = new Conversation();
        conversation.ApplyEvent(opening);
        return conversation;
    }

    /// <summary>The first turn of a new conversation, decided on the conversation it opens.</summary>
    private static IDomainEvent[] Decide(Conversation conversation, ChatTurn turn, Func<Conversation, IDomainEvent> settle)
    {
        var asked = Ask(conversation, turn);
        conversation.ApplyEvent(asked);
        return [asked, settle(conversation)];
    }
}
