using CleanRag.Application.Common.Security;
using CleanRag.Application.Conversations.Inbox;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Conversations.GetInboxConversation;

/// <summary>A conversation of the company, opened from the inbox (whichever project it belongs to, or only of <paramref name="ProjectId"/>).</summary>
[Authorize(CompanyRole.Member)]
[AllowApiKey]
public sealed record GetInboxConversationQuery(Guid ConversationId, Guid? ProjectId = null) : IQuery<InboxConversation>, IProjectFiltered
{
    public IProjectFiltered RestrictedTo(Guid projectId) => this with { ProjectId = projectId };
}
