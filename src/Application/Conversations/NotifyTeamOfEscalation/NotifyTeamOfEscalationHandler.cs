using System.Text;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Common.Messaging;
using CleanRag.Application.Companies;
using CleanRag.Application.Projects;
using CleanRag.Domain.Companies;
using CleanRag.Domain.Conversations;

namespace CleanRag.Application.Conversations.NotifyTeamOfEscalation;

/// <summary>
/// Mails the company's owners and admins when a visitor asks for a person (through the outbox, <see cref="IEmailSender"/>).
/// The consumer's marker makes a redelivered event send nothing; a crash between the mail and the marker's commit can send
/// one mail twice, never none.
/// </summary>
public sealed class NotifyTeamOfEscalationHandler(IReadStore reads, IEmailSender email) : IDomainEventHandler<EscalationRequested>
{
    public async Task HandleAsync(DomainEvent<EscalationRequested> notice, CancellationToken cancellationToken)
    {
        var e = notice.Data;
        var company = await reads.LoadAsync<CompanyDetails>(notice.TenantId, cancellationToken);
        var conversation = await reads.LoadAsync<ConversationDetails>(e.ConversationId, cancellationToken);
        if (company is null || conversation is null)
            throw new InvalidOperationException($"Escalation of conversation {e.ConversationId}: its company or conversation has no details.");
        var project = await reads.LoadAsync<ProjectDetails>(conversation.ProjectId, cancellationToken);
        var projectName = project?.Name ?? conversation.ProjectId.ToString();

        var body = new StringBuilder()
            .AppendLine($"A visitor of {projectName} asked to talk to a person.")
            .AppendLine($"Email: {e.Email ?? "(none)"}")
            .AppendLine($"Phone: {e.Phone ?? "(none)"}")
            .AppendLine($"Message: {e.Message ?? conversation.Messages.LastOrDefault()?.Question ?? "(none)"}")
            .AppendLine()
            .AppendLine($"Reply from the dashboard: POST /v1/projects/{conversation.ProjectId}/conversations/{e.ConversationId}/replies")
            .ToString();
        foreach (var admin in company.Members.Where(m => m.Role >= CompanyRole.Admin))
            await email.SendAsync(new OutgoingEmail(admin.Email, $"{projectName}: a visitor asked for a person", body), cancellationToken);
    }
}
