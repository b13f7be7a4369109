using CleanRag.Application.Common.Security;
using CleanRag.Application.Conversations.Inbox;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Conversations.ExportInbox;

/// <summary>Every conversation the inbox filter matches, in the inbox's order, for a <c>csv</c> or <c>jsonl</c> download.</summary>
[Authorize(CompanyRole.Member)]
public sealed record ExportInboxQuery(InboxFilterInput Filter, string? Format) : IQuery<InboxExport>, IInboxRequest
{
    public const string Csv = "csv";
    public const string JsonLines = "jsonl";

    /// <summary>The one project the export is narrowed to, if any.</summary>
    public Guid? ProjectId => Filter.ProjectId;
}

/// <summary>
/// The export's conversations, read from the database only as they are enumerated: the caller writes each one out before the
/// next is read, so no export is ever held whole in memory.
/// </summary>
public sealed record InboxExport(string Format, IAsyncEnumerable<InboxConversation> Conversations);
