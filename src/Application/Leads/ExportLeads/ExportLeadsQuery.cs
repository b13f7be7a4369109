using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Leads.ExportLeads;

/// <summary>
/// Every lead matching the filters (<see cref="ILeadFilter"/>), oldest first, read a page at a time while the caller
/// writes them out as <paramref name="Format"/> (<c>csv</c>, the default, or <c>jsonl</c>). Admins only: it takes every
/// contact detail of the workspace out of CleanRag at once.
/// </summary>
[Authorize(CompanyRole.Admin)]
public sealed record ExportLeadsQuery(
    string? Format = null, Guid? ProjectId = null, string? Status = null, string? Source = null, DateTimeOffset? From = null,
    DateTimeOffset? To = null, string? Q = null)
    : IQuery<IAsyncEnumerable<LeadView>>, ILeadFilter
{
    public const string Csv = "csv";
    public const string Jsonl = "jsonl";

    public bool IsJsonl => Format == Jsonl;
}
