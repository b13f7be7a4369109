using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Activity.ListActivity;

/// <summary>The workspace's recent activity, newest first.</summary>
[Authorize(CompanyRole.Member)]
public sealed record ListActivityQuery(int Page = 1, int PageSize = 50) : IQuery<ActivityPage>;

public sealed record ActivityPage(int Page, int PageSize, IReadOnlyList<ActivityEntry> Items);
