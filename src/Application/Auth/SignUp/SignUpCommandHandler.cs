using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Companies;
using CleanRag.Domain.Users;
using Mediator;

namespace CleanRag.Application.Auth.SignUp;

public sealed class SignUpCommandHandler(
    IUserDirectory users, IPasswordHasher hasher, AuthTokens tokens, IReadStore readStore, AccountOptions options, TimeProvider clock)
    : ICommandHandler<SignUpCommand, AuthResult>
{
    public async ValueTask<AuthResult> Handle(SignUpCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var registered = UserAccount.Register(Guid.CreateVersion7(), command.Email, command.Name, now);
        if (!options.OpenSignUp && !await IsInvitedAsync(registered.Email, now, cancellationToken))
            throw new ForbiddenException("Sign-up is by invitation only: ask a company owner or admin to invite this email.", "signup_closed");
        await users.RegisterAsync(registered, hasher.Hash(command.Password), cancellationToken);
        return await tokens.IssueAsync(registered.UserId, registered.Email, registered.Name, cancellationToken);
    }

    private async Task<bool> IsInvitedAsync(string email, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await readStore.ListAsync<InviteView>(q => q.Where(i => i.Email.ToLower() == email && i.ExpiresAt > now).Take(1), cancellationToken)).Count > 0;
}
