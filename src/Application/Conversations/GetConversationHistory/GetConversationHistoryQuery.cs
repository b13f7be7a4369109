using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Conversations.GetConversationHistory;

/// <summary>The conversation's raw event stream (audit); with a version or time, the conversation exactly as it stood then.</summary>
[Authorize(CompanyRole.Member)]
[AllowApiKey]
public sealed record GetConversationHistoryQuery(Guid ProjectId, Guid ConversationId, long? Version = null, DateTimeOffset? AsOf = null)
    : IQuery<AggregateHistory>, IProjectScoped;
