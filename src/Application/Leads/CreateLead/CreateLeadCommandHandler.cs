using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Conversations;
using CleanRag.Application.Projects;
using CleanRag.Domain.Leads;
using Mediator;

namespace CleanRag.Application.Leads.CreateLead;

public sealed class CreateLeadCommandHandler(
    IAggregateStore aggregates, IUnitOfWork unitOfWork, IReadStore readStore, IRequestContext context, TimeProvider clock)
    : ICommandHandler<CreateLeadCommand, LeadView>
{
    public async ValueTask<LeadView> Handle(CreateLeadCommand command, CancellationToken cancellationToken)
    {
        await readStore.EnsureProjectExistsAsync(command.ProjectId, cancellationToken);
        string? visitorId = null;
        if (command.ConversationId is { } conversationId)
        {
            var conversation = await readStore.LoadAsync<ConversationDetails>(conversationId, cancellationToken)
                               ?? throw new NotFoundException("Conversation");
            if (conversation.ProjectId != command.ProjectId)
                throw new BadRequestException("conversation_not_in_project", "conversationId names a conversation of another project.");
            visitorId = conversation.VisitorId;
        }

        var leadId = Guid.CreateVersion7();
        var source = context.ApiKey is null ? LeadSource.Manual : LeadSource.Api;
        var capturedBy = context.UserId == Guid.Empty ? (Guid?)null : context.UserId;
        aggregates.Start<Lead>(leadId, Lead.Capture(leadId, command.ProjectId, command.ConversationId, source, visitorId, command.Name,
            command.Email, command.Phone, message: null, command.Notes, capturedBy, clock.GetUtcNow()));
        await unitOfWork.CommitAsync(cancellationToken); // the answer is read from the read model
        return LeadView.From(await readStore.LoadLeadAsync(leadId, cancellationToken));
    }
}
