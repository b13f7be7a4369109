using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Plans;
using CleanRag.Domain.Conversations;
using Mediator;

namespace CleanRag.Application.Chat.EscalateConversation;

public sealed class EscalateConversationCommandHandler(WidgetConversationAccess access, IAggregateStore aggregates, PlanGuard plan, TimeProvider clock)
    : ICommandHandler<EscalateConversationCommand, EscalationAccepted>
{
    public const string Reason = "The visitor asked for a person.";

    public async ValueTask<EscalationAccepted> Handle(EscalateConversationCommand command, CancellationToken cancellationToken)
    {
        await access.ConversationAsync(command.ConversationId, command.Origin, cancellationToken);
        // The widget hides its form when plan_features.human_handoff is off; this refuses a caller that posts anyway.
        await plan.EnsureAllowsAsync(Features.HumanHandoff, cancellationToken);
        var conversation = await aggregates.LoadForUpdateAsync<Conversation>(command.ConversationId, cancellationToken)
                           ?? throw new NotFoundException("Conversation");
        var email = Blank(command.Email) ? null : command.Email!.Trim();
        var phone = Blank(command.Phone) ? null : command.Phone!.Trim();
        aggregates.Append(conversation, conversation.RequestPerson(Reason, email, phone, Blank(command.Message) ? null : command.Message,
            clock.GetUtcNow()));
        return new EscalationAccepted(conversation.Id, conversation.Handling.ToString().ToLowerInvariant(), email is not null || phone is not null);
    }

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
}
