using CleanRag.Application.Common.Messaging;
using CleanRag.Application.Conversations;
using CleanRag.Application.Documents;
using CleanRag.Application.Webhooks;
using CleanRag.Domain.Conversations;
using CleanRag.Domain.Documents;
using CleanRag.Domain.Webhooks;
using CleanRag.Infrastructure.Messaging;
using CleanRag.Infrastructure.Persistence;
using Marten;
using MassTransit;

namespace CleanRag.Infrastructure.Webhooks;

/// <summary>
/// Turns the domain events customers can subscribe to into one stored delivery per matching active webhook. The
/// deliveries commit together with a "processed" marker keyed by the event id (as <see cref="IdempotentConsumer{TEvent}"/>
/// does), so a redelivered event creates none twice; they are dispatched only after that commit.
/// </summary>
public sealed class WebhookFanOutConsumer(IDocumentStore store, MartenWebhookDeliveryQueue queue, TimeProvider clock) :
    IConsumer<DomainEventEnvelope<ConversationStarted>>,
    IConsumer<DomainEventEnvelope<QuestionUnanswered>>,
    IConsumer<DomainEventEnvelope<EscalationRequested>>,
    IConsumer<DomainEventEnvelope<FeedbackGiven>>,
    IConsumer<DomainEventEnvelope<DocumentIndexed>>,
    IConsumer<DomainEventEnvelope<DocumentFailed>>
{
    private sealed record Notice(string Type, Guid ProjectId, object Data);

    public Task Consume(ConsumeContext<DomainEventEnvelope<ConversationStarted>> context) =>
        FanOutAsync(context, (_, e, _) => Task.FromResult<IReadOnlyList<Notice>>(
        [
            new(WebhookEventTypes.ConversationStarted, e.ProjectId, new
            {
                e.ConversationId, e.VisitorId, e.SessionId, e.Channel, e.IsTest, e.PageUrl, e.StartedAt,
            }),
        ]));

    public Task Consume(ConsumeContext<DomainEventEnvelope<QuestionUnanswered>> context) =>
        FanOutAsync(context, async (session, e, ct) =>
        {
            var conversation = await LoadConversationAsync(session, e.ConversationId, ct);
            return [new Notice(WebhookEventTypes.QuestionUnanswered, conversation.ProjectId, new
            {
                e.ConversationId, e.MessageId, e.Question, e.Confidence, conversation.VisitorId, e.At,
            })];
        });

    public Task Consume(ConsumeContext<DomainEventEnvelope<EscalationRequested>> context) =>
        FanOutAsync(context, async (session, e, ct) =>
        {
            var conversation = await LoadConversationAsync(session, e.ConversationId, ct);
            var details = new { e.ConversationId, e.MessageId, e.Reason, e.Email, e.Phone, conversation.VisitorId, e.At };
            var escalation = new Notice(WebhookEventTypes.EscalationRequested, conversation.ProjectId, details);
            // Contact details make the escalation a lead as well.
            return e.Email is null && e.Phone is null
                ? [escalation]
                : [escalation, new Notice(WebhookEventTypes.LeadCreated, conversation.ProjectId, details)];
        });

    public Task Consume(ConsumeContext<DomainEventEnvelope<FeedbackGiven>> context) =>
        FanOutAsync(context, async (session, e, ct) =>
        {
            if (e.Helpful)
                return [];
            var conversation = await LoadConversationAsync(session, e.ConversationId, ct);
            var message = conversation.Messages.Find(m => m.MessageId == e.MessageId);
            return [new Notice(WebhookEventTypes.FeedbackNegative, conversation.ProjectId, new
            {
                e.ConversationId, e.MessageId, e.Comment, message?.Question, message?.Answer, conversation.VisitorId, e.At,
            })];
        });

    public Task Consume(ConsumeContext<DomainEventEnvelope<DocumentIndexed>> context) =>
        FanOutAsync(context, async (session, e, ct) =>
        {
            var document = await session.LoadAsync<DocumentDetails>(e.DocumentId, ct);
            return [new Notice(WebhookEventTypes.DocumentIndexed, e.ProjectId, new
            {
                e.DocumentId, document?.FileName, e.Version, e.ChunkCount, e.PageCount, e.Reused, e.IndexedAt,
            })];
        });

    public Task Consume(ConsumeContext<DomainEventEnvelope<DocumentFailed>> context) =>
        FanOutAsync(context, async (session, e, ct) =>
        {
            var document = await session.LoadAsync<DocumentDetails>(e.DocumentId, ct);
            return [new Notice(WebhookEventTypes.DocumentFailed, e.ProjectId, new
            {
                e.DocumentId, document?.FileName, e.Version, e.Code, e.Reason, e.FailedAt,
            })];
        });

    private async Task FanOutAsync<TEvent>(
        ConsumeContext<DomainEventEnvelope<TEvent>> context,
        Func<IQuerySession, TEvent, CancellationToken, Task<IReadOnlyList<Notice>>> describe) where TEvent : class
    {
        var envelope = context.Message;
        var cancellationToken = context.CancellationToken;
        var markerId = $"{nameof(WebhookFanOutConsumer)}:{envelope.EventId}";

        await using var session = store.LightweightSession(TenantIds.For(envelope.TenantId));
        if (await session.LoadAsync<ProcessedMessage>(markerId, cancellationToken) is not null)
            return;

        var now = clock.GetUtcNow();
        var deliveries = new List<WebhookDelivery>();
        foreach (var notice in await describe(session, envelope.Data, cancellationToken))
        {
            var subscribers = await session.Query<WebhookDetails>()
                .Where(w => w.ProjectId == notice.ProjectId && w.Active && !w.Deleted && w.Events.Contains(notice.Type))
                .ToListAsync(cancellationToken);
            var payload = new WebhookPayload(Guid.CreateVersion7(), notice.Type, envelope.Timestamp, notice.ProjectId, notice.Data);
            foreach (var webhook in subscribers)
            {
                var delivery = WebhookDelivery.Create(webhook, payload, now);
                queue.Lease(delivery);
                session.Insert(delivery);
                deliveries.Add(delivery);
            }
        }
        if (deliveries.Count == 0)
            return; // nobody subscribed: nothing to remember either

        session.Insert(new ProcessedMessage { Id = markerId, ProcessedAt = now });
        await session.SaveChangesAsync(cancellationToken);
        foreach (var delivery in deliveries)
            await queue.TryPublishAsync(delivery, cancellationToken);
    }

    private static async Task<ConversationDetails> LoadConversationAsync(IQuerySession session, Guid conversationId, CancellationToken cancellationToken) =>
        await session.LoadAsync<ConversationDetails>(conversationId, cancellationToken)
        // Its projection is inline, so it exists once any of its events is committed.
        ?? throw new InvalidOperationException($"Conversation {conversationId} has no details; its events cannot be routed to a project.");
}
