using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Leads.CreateLead;

/// <summary>
/// A lead entered by hand (source <c>manual</c>) or sent by the customer's own systems with an API key (source <c>api</c>):
/// an email and/or a phone number, optionally a name, notes, and the conversation of the project it came from.
/// </summary>
[Authorize(CompanyRole.Member)]
[AllowApiKey]
public sealed record CreateLeadCommand(Guid ProjectId, string? Name, string? Email, string? Phone, string? Notes, Guid? ConversationId)
    : ICommand<LeadView>, IProjectScoped;
