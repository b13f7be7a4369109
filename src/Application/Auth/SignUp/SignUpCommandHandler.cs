using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Users;
using Mediator;

namespace CleanRag.Application.Auth.SignUp;

public sealed class SignUpCommandHandler(IUserDirectory users, IPasswordHasher hasher, AuthTokens tokens, TimeProvider clock)
    : ICommandHandler<SignUpCommand, AuthResult>
{
    public async ValueTask<AuthResult> Handle(SignUpCommand command, CancellationToken cancellationToken)
    {
        var registered = UserAccount.Register(Guid.CreateVersion7(), command.Email, command.Name, clock.GetUtcNow());
        await users.RegisterAsync(registered, hasher.Hash(command.Password), cancellationToken);
        return await tokens.IssueAsync(registered.UserId, registered.Email, registered.Name, cancellationToken);
    }
}
