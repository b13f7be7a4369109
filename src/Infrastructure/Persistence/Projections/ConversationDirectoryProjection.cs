using CleanRag.Domain.Conversations;
using CleanRag.Infrastructure.Chat;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace CleanRag.Infrastructure.Persistence.Projections;

/// <summary>
/// Keeps the global conversation directory: one entry per conversation and per message id (question, bot reply, team
/// reply). Inline, so a conversation can be polled, rated or escalated as soon as the turn that created it returned.
/// </summary>
internal sealed partial class ConversationDirectoryProjection : EventProjection
{
    public void Project(IEvent<ConversationStarted> e, IDocumentOperations operations) =>
        operations.Store(new ConversationDirectoryEntry
        {
            Id = e.Data.ConversationId, ConversationId = e.Data.ConversationId, CompanyId = Guid.Parse(e.TenantId), ProjectId = e.Data.ProjectId,
        });

    public void Project(IEvent<VisitorAsked> e, IDocumentOperations operations) => StoreMessage(e, e.Data.MessageId, operations);

    public void Project(IEvent<AnswerGiven> e, IDocumentOperations operations) =>
        StoreMessage(e, e.Data.ReplyId ?? ConversationMessageIds.ReplyTo(e.Data.MessageId), operations);

    public void Project(IEvent<QuestionUnanswered> e, IDocumentOperations operations) =>
        StoreMessage(e, e.Data.ReplyId ?? ConversationMessageIds.ReplyTo(e.Data.MessageId), operations);

    public void Project(IEvent<EscalationRequested> e, IDocumentOperations operations)
    {
        if (e.Data.MessageId is { } messageId)
            StoreMessage(e, ConversationMessageIds.ReplyTo(messageId), operations);
    }

    public void Project(IEvent<HumanReplied> e, IDocumentOperations operations) => StoreMessage(e, e.Data.MessageId, operations);

    private static void StoreMessage(IEvent e, Guid messageId, IDocumentOperations operations) =>
        operations.Store(new ConversationDirectoryEntry { Id = messageId, ConversationId = e.StreamId, CompanyId = Guid.Parse(e.TenantId) });
}
