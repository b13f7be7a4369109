using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;

namespace CleanRag.Application.Companies.InviteUser;

/// <summary>Creates invite tokens and mails them; only the token's hash is ever stored.</summary>
public sealed class InviteDelivery(IEmailSender email, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public (string Token, string TokenHash, DateTimeOffset ExpiresAt) NewToken()
    {
        var token = SecretTokens.Create();
        return (token, SecretTokens.Hash(token), clock.GetUtcNow() + Lifetime);
    }

    public Task SendAsync(string to, string companyName, CompanyRole role, string token, CancellationToken cancellationToken) =>
        email.SendAsync(new OutgoingEmail(
            to,
            $"You are invited to join {companyName} on CleanRag",
            $"You have been invited to {companyName} as {role.ToString().ToLowerInvariant()}.\n" +
            $"Open /app/invite/{token} on the CleanRag dashboard and sign in (or sign up with this email) to accept,\n" +
            $"or, signed in, accept with: POST /v1/invites/{token}/accept\n" +
            $"The invite expires in {Lifetime.TotalDays:0} days."), cancellationToken);
}
