using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Companies;
using CleanRag.Application.Conversations.Inbox;
using CleanRag.Domain.Common;
using CleanRag.Domain.Conversations;
using Mediator;

namespace CleanRag.Application.Conversations.ReviewConversation;

public sealed class ReviewConversationCommandHandler(
    IAggregateStore aggregates, IUnitOfWork unitOfWork, IReadStore readStore, IRequestContext context, TimeProvider clock)
    : ICommandHandler<ReviewConversationCommand, InboxConversation>
{
    public async ValueTask<InboxConversation> Handle(ReviewConversationCommand command, CancellationToken cancellationToken)
    {
        // Loaded in the caller's company: another company's conversation is not found like an unknown one.
        var conversation = await aggregates.LoadForUpdateAsync<Conversation>(command.ConversationId, cancellationToken)
                           ?? throw new NotFoundException("Conversation");
        if (command.AssigneeUserId?.Value is { } assignee)
            await EnsureMemberAsync(assignee, cancellationToken);

        var by = context.UserId;
        var now = clock.GetUtcNow();
        // Each field is decided on the conversation as loaded; unchanged fields decide nothing.
        IDomainEvent?[] decided =
        [
            command.ReviewStatus is { } status ? conversation.MarkReview(InboxFilterInput.ParseReviewStatus(status.Value!), by, now) : null,
            command.Rating is { } rating ? conversation.Rate(rating.Value, by, now) : null,
            command.Notes is { } notes ? conversation.Note(notes.Value, by, now) : null,
            command.AssigneeUserId is { } assigned ? conversation.Assign(assigned.Value, by, now) : null,
        ];
        if (decided.OfType<IDomainEvent>().ToList() is { Count: > 0 } changes)
            aggregates.Append(conversation, changes);
        return InboxConversation.From(await unitOfWork.CommitAndReadAsync(readStore, conversation.Id, cancellationToken));
    }

    private async Task EnsureMemberAsync(Guid userId, CancellationToken cancellationToken)
    {
        var company = await readStore.LoadCurrentAsync(context, cancellationToken);
        if (company.Members.All(m => m.UserId != userId))
        {
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["assigneeUserId"] = ["assigneeUserId must be a member of the company."],
            });
        }
    }
}
