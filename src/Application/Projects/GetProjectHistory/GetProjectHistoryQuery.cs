using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Projects.GetProjectHistory;

/// <summary>
/// The project's stored events (audit). With <paramref name="Version"/> or <paramref name="AsOf"/>,
/// only the events up to that point, and the project's state exactly as it stood then.
/// </summary>
[Authorize(CompanyRole.Member)]
public sealed record GetProjectHistoryQuery(Guid ProjectId, long? Version = null, DateTimeOffset? AsOf = null) : IQuery<AggregateHistory>;
