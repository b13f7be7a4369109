using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Companies.ResendInvite;

/// <summary>Mails a fresh token for a pending invite; the old token stops working.</summary>
[Authorize(CompanyRole.Admin)]
public sealed record ResendInviteCommand(Guid InviteId) : ICommand<InviteUser.InviteResult>;
