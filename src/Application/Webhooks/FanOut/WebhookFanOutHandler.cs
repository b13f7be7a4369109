using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Common.Messaging;
using CleanRag.Application.Conversations;
using CleanRag.Domain.Conversations;
using CleanRag.Domain.Documents;
using CleanRag.Domain.Leads;
using CleanRag.Domain.Webhooks;

namespace CleanRag.Application.Webhooks.FanOut;

/// <summary>
/// Turns the domain events customers can subscribe to into one stored delivery per matching active webhook. The
/// deliveries commit together with the reaction's "processed" marker, so a redelivered event creates none twice; they
/// are dispatched only after that commit (<see cref="IWebhookDeliveryOutbox"/>). Takes batches: the subscribers of a
/// project and event type are read once per batch, and a document's details only when someone subscribed.
/// </summary>
public sealed class WebhookFanOutHandler(IReadStore reads, IWebhookDeliveryOutbox outbox, TimeProvider clock) :
    IDomainEventBatchHandler<ConversationStarted>,
    IDomainEventBatchHandler<QuestionUnanswered>,
    IDomainEventBatchHandler<EscalationRequested>,
    IDomainEventBatchHandler<LeadCaptured>,
    IDomainEventBatchHandler<FeedbackGiven>,
    IDomainEventBatchHandler<DocumentIndexed>,
    IDomainEventBatchHandler<DocumentFailed>
{
    private sealed record Notice(string Type, Guid ProjectId, object Data);

    /// <summary>The active subscriptions per project and event type, read once for this handler's batch.</summary>
    private readonly Dictionary<(Guid ProjectId, string Type), IReadOnlyList<WebhookDetails>> _subscribers = [];

    public Task HandleAsync(DomainEvent<ConversationStarted> notice, CancellationToken cancellationToken)
    {
        var e = notice.Data;
        return FanOutAsync(notice.Timestamp, [
            new Notice(WebhookEventTypes.ConversationStarted, e.ProjectId, new
            {
                e.ConversationId, e.VisitorId, e.SessionId, e.Channel, e.IsTest, e.PageUrl, e.StartedAt,
            }),
        ], cancellationToken);
    }

    public async Task HandleAsync(DomainEvent<QuestionUnanswered> notice, CancellationToken cancellationToken)
    {
        var e = notice.Data;
        var conversation = await LoadConversationAsync(e.ConversationId, cancellationToken);
        await FanOutAsync(notice.Timestamp, [
            new Notice(WebhookEventTypes.QuestionUnanswered, conversation.ProjectId, new
            {
                e.ConversationId, e.MessageId, e.Question, e.Confidence, conversation.VisitorId, e.At,
            }),
        ], cancellationToken);
    }

    public async Task HandleAsync(DomainEvent<EscalationRequested> notice, CancellationToken cancellationToken)
    {
        var e = notice.Data;
        var conversation = await LoadConversationAsync(e.ConversationId, cancellationToken);
        // Contact details also make the escalation a lead, announced as new_lead when the lead is captured (LeadCaptured).
        await FanOutAsync(notice.Timestamp, [
            new Notice(WebhookEventTypes.EscalationRequested, conversation.ProjectId, new
            {
                e.ConversationId, e.MessageId, e.Reason, e.Email, e.Phone, e.Message, conversation.VisitorId, e.At,
            }),
        ], cancellationToken);
    }

    public Task HandleAsync(DomainEvent<LeadCaptured> notice, CancellationToken cancellationToken)
    {
        var e = notice.Data;
        var lead = new
        {
            e.LeadId, e.ConversationId, e.Source, e.Name, e.Email, e.Phone, e.Message, e.Notes, e.VisitorId, At = e.CapturedAt,
        };
        // Sent as new_lead, and as lead.created to subscriptions made under that earlier name, so none stops receiving leads
        // (one holding both names gets each).
        return FanOutAsync(notice.Timestamp, [
            new Notice(WebhookEventTypes.NewLead, e.ProjectId, lead), new Notice(WebhookEventTypes.LeadCreated, e.ProjectId, lead),
        ], cancellationToken);
    }

    public async Task HandleAsync(DomainEvent<FeedbackGiven> notice, CancellationToken cancellationToken)
    {
        var e = notice.Data;
        if (e.Helpful)
            return;
        var conversation = await LoadConversationAsync(e.ConversationId, cancellationToken);
        var message = conversation.Messages.Find(m => m.MessageId == e.MessageId);
        await FanOutAsync(notice.Timestamp, [
            new Notice(WebhookEventTypes.FeedbackNegative, conversation.ProjectId, new
            {
                e.ConversationId, e.MessageId, e.Comment, message?.Question, message?.Answer, conversation.VisitorId, e.At,
            }),
        ], cancellationToken);
    }

    public async Task HandleAsync(DomainEvent<DocumentIndexed> notice, CancellationToken cancellationToken)
    {
        var e = notice.Data;
        if ((await SubscribersAsync(e.ProjectId, WebhookEventTypes.DocumentIndexed, cancellationToken)).Count == 0)
            return; // the usual case: no one to tell, so no need for the file name
        var document = await reads.LoadAsync<Documents.DocumentDetails>(e.DocumentId, cancellationToken);
        await FanOutAsync(notice.Timestamp, [
            new Notice(WebhookEventTypes.DocumentIndexed, e.ProjectId, new
            {
                e.DocumentId, document?.FileName, e.Version, e.ChunkCount, e.PageCount, e.Reused, e.IndexedAt,
            }),
        ], cancellationToken);
    }

    public async Task HandleAsync(DomainEvent<DocumentFailed> notice, CancellationToken cancellationToken)
    {
        var e = notice.Data;
        if ((await SubscribersAsync(e.ProjectId, WebhookEventTypes.DocumentFailed, cancellationToken)).Count == 0)
            return;
        var document = await reads.LoadAsync<Documents.DocumentDetails>(e.DocumentId, cancellationToken);
        await FanOutAsync(notice.Timestamp, [
            new Notice(WebhookEventTypes.DocumentFailed, e.ProjectId, new
            {
                e.DocumentId, document?.FileName, e.Version, e.Code, e.Reason, e.FailedAt,
            }),
        ], cancellationToken);
    }

    private async Task FanOutAsync(DateTimeOffset occurredAt, IReadOnlyList<Notice> notices, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var notice in notices)
        {
            var subscribers = await SubscribersAsync(notice.ProjectId, notice.Type, cancellationToken);
            if (subscribers.Count == 0)
                continue;
            var payload = new WebhookPayload(Guid.CreateVersion7(), notice.Type, occurredAt, notice.ProjectId, notice.Data);
            foreach (var webhook in subscribers)
                outbox.Add(WebhookDelivery.Create(webhook, payload, now));
        }
    }

    private async Task<IReadOnlyList<WebhookDetails>> SubscribersAsync(Guid projectId, string type, CancellationToken cancellationToken)
    {
        if (!_subscribers.TryGetValue((projectId, type), out var subscribers))
        {
            _subscribers[(projectId, type)] = subscribers = await reads.ListAsync<WebhookDetails>(webhooks => webhooks
                .Where(w => w.ProjectId == projectId && w.Active && !w.Deleted && w.Events.Contains(type)), cancellationToken);
        }
        return subscribers;
    }

    private async Task<ConversationDetails> LoadConversationAsync(Guid conversationId, CancellationToken cancellationToken) =>
        await reads.LoadAsync<ConversationDetails>(conversationId, cancellationToken)
        // Its projection is inline, so it exists once any of its events is committed.
        ?? throw new InvalidOperationException($"Conversation {conversationId} has no details; its events cannot be routed to a project.");
}
