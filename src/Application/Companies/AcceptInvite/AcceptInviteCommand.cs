using CleanRag.Application.Common.Security;
using Mediator;

namespace CleanRag.Application.Companies.AcceptInvite;

/// <summary>The signed-in user joins the company that invited their email address.</summary>
[Authorize]
public sealed record AcceptInviteCommand(string Token) : ICommand<AcceptedInvite>;

public sealed record AcceptedInvite(Guid CompanyId, string CompanyName, Domain.Companies.CompanyRole Role);
