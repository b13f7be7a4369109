using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Conversations.GetConversation;

[Authorize(CompanyRole.Member)]
[AllowApiKey]
public sealed record GetConversationQuery(Guid ProjectId, Guid ConversationId) : IQuery<ConversationDetails>, IProjectScoped;
