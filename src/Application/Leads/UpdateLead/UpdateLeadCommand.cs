using CleanRag.Application.Common;
using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Leads.UpdateLead;

/// <summary>
/// Partial update: <paramref name="Status"/> (<c>new</c>, <c>contacted</c>, <c>won</c>, <c>lost</c>) and/or <paramref name="Notes"/>
/// (replaced as a whole; an empty string clears them). Fields left null keep their value.
/// </summary>
[Authorize(CompanyRole.Member)]
public sealed record UpdateLeadCommand(Guid LeadId, string? Status, string? Notes) : ICommand<LeadView>, IRetryOnConcurrencyConflict;
