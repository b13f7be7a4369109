using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Auth.LogIn;

public sealed class LogInCommandHandler(IUserDirectory users, IPasswordHasher hasher, AuthTokens tokens)
    : ICommandHandler<LogInCommand, AuthResult>
{
    // Verified against when the email is unknown, so both failures take about as long.
    private static string? _unknownUserHash;

    public async ValueTask<AuthResult> Handle(LogInCommand command, CancellationToken cancellationToken)
    {
        var credentials = await users.FindCredentialsAsync(command.Email.Trim().ToLowerInvariant(), cancellationToken);
        var hash = credentials?.PasswordHash ?? (_unknownUserHash ??= hasher.Hash(Guid.NewGuid().ToString()));
        var valid = hasher.Verify(hash, command.Password) && credentials is not null;
        if (!valid)
            throw new UnauthorizedException("The email or password is wrong.", "invalid_credentials");
        return await tokens.IssueAsync(credentials!.UserId, credentials.Email, credentials.Name, cancellationToken);
    }
}
