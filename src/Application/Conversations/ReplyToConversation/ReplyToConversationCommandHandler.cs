using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Companies;
using CleanRag.Application.Plans;
using Mediator;

namespace CleanRag.Application.Conversations.ReplyToConversation;

public sealed class ReplyToConversationCommandHandler(IAggregateStore aggregates, IReadStore readStore, IRequestContext context, PlanGuard plan, TimeProvider clock)
    : ICommandHandler<ReplyToConversationCommand, HumanReplyPosted>
{
    public async ValueTask<HumanReplyPosted> Handle(ReplyToConversationCommand command, CancellationToken cancellationToken)
    {
        var conversation = await aggregates.LoadForUpdateAsync(command.ProjectId, command.ConversationId, cancellationToken);
        await plan.EnsureAllowsAsync(Features.HumanHandoff, cancellationToken);
        var company = await readStore.LoadCurrentAsync(context, cancellationToken);
        // The name the team member has now is the one the transcript keeps.
        var author = company.Members.Find(m => m.UserId == context.UserId)?.Name ?? "";
        // Random (UUID v4) like every message id the visitor holds: ids are the widget's capability.
        var reply = conversation.Reply(Guid.NewGuid(), context.UserId, author, command.Content!.Trim(), clock.GetUtcNow());
        aggregates.Append(conversation, reply);
        return new HumanReplyPosted(reply.MessageId, conversation.Id, conversation.Handling.ToString().ToLowerInvariant(), reply.UserId,
            reply.AuthorName, reply.Content, reply.At);
    }
}
