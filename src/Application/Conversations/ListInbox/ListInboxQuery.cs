using CleanRag.Application.Common.Security;
using CleanRag.Application.Conversations.Inbox;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Conversations.ListInbox;

/// <summary>
/// The workspace inbox: the company's conversations across its projects, latest activity first, <paramref name="Limit"/> (1–100,
/// default 50) at a time from <paramref name="Cursor"/> (the previous page's <c>nextCursor</c>).
/// </summary>
[Authorize(CompanyRole.Member)]
[AllowApiKey]
public sealed record ListInboxQuery(InboxFilterInput Filter, string? Cursor = null, int? Limit = null)
    : IQuery<InboxPage>, IInboxRequest, IProjectFiltered
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    /// <summary>The one project the inbox is narrowed to, if any.</summary>
    public Guid? ProjectId => Filter.ProjectId;

    public IProjectFiltered RestrictedTo(Guid projectId) => this with { Filter = Filter with { ProjectId = projectId } };
}
