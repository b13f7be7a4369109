using CleanRag.Application.Plans;
using CleanRag.Domain.Conversations;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace CleanRag.Infrastructure.Persistence.Projections;

/// <summary>
/// One <see cref="MeteredMessage"/> per question, in the question's tenant. Inline, so the message quota counts a question
/// from the moment its turn is committed.
/// </summary>
internal sealed partial class MeteredMessageProjection : EventProjection
{
    public void Project(IEvent<VisitorAsked> e, IDocumentOperations operations) =>
        operations.Store(new MeteredMessage
        {
            Id = e.Data.MessageId, ConversationId = e.Data.ConversationId, AskedAt = e.Data.AskedAt, IsTest = e.Data.IsTest,
        });
}
