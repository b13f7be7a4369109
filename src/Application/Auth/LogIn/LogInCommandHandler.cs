using System.Globalization;
using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Auth.LogIn;

public sealed class LogInCommandHandler(IUserDirectory users, IPasswordHasher hasher, ILoginThrottle throttle, AuthTokens tokens)
    : ICommandHandler<LogInCommand, AuthResult>
{
    // Verified against when the email is unknown, so both failures take about as long.
    private static string? _unknownUserHash;

    public async ValueTask<AuthResult> Handle(LogInCommand command, CancellationToken cancellationToken)
    {
        var email = command.Email.Trim().ToLowerInvariant();
        // Before anything is looked up, and alike for every email: a locked attempt neither tests the password nor
        // tells whether the account exists.
        if (await throttle.BeginAttemptAsync(email, command.ClientAddress, cancellationToken) is { } wait)
            throw new TooManyRequestsException("too_many_attempts",
                $"Too many failed log-ins; try again in {TooManyRequestsException.WholeSeconds(wait).ToString(CultureInfo.InvariantCulture)} s.", wait);

        var credentials = await users.FindCredentialsAsync(email, cancellationToken);
        var hash = credentials?.PasswordHash ?? (_unknownUserHash ??= hasher.Hash(Guid.NewGuid().ToString()));
        var valid = hasher.Verify(hash, command.Password) && credentials is not null;
        if (!valid)
            throw new UnauthorizedException("The email or password is wrong.", "invalid_credentials");
        await throttle.SucceededAsync(email, command.ClientAddress, cancellationToken);
        return await tokens.IssueAsync(credentials!.UserId, credentials.Email, credentials.Name, cancellationToken);
    }
}
