using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Auth.RequestPasswordReset;

/// <summary>
/// Issues a reset token and mails its link. The caller learns nothing about whether the email has an account: an unknown
/// email, and a request within <see cref="AccountOptions.PasswordResetInterval"/> of the last mail, succeed without one.
/// </summary>
public sealed class RequestPasswordResetCommandHandler(
    IUserDirectory users, IPasswordResetTokens resetTokens, IEmailSender email, IPublicAddress publicAddress, AccountOptions options, TimeProvider clock)
    : ICommandHandler<RequestPasswordResetCommand>
{
    public async ValueTask<Unit> Handle(RequestPasswordResetCommand command, CancellationToken cancellationToken)
    {
        var account = await users.FindCredentialsAsync(command.Email.Trim().ToLowerInvariant(), cancellationToken);
        if (account is null)
            return Unit.Value;
        if (await resetTokens.LastIssuedAsync(account.UserId, cancellationToken) is { } last && clock.GetUtcNow() - last < options.PasswordResetInterval)
            return Unit.Value;

        var token = await resetTokens.IssueAsync(account.UserId, options.PasswordResetLifetime, cancellationToken);
        // The token travels in the fragment: browsers send neither it to the server nor it in a Referer.
        await email.SendAsync(new OutgoingEmail(
            account.Email,
            "Reset your CleanRag password",
            $"Someone (hopefully you) asked to reset the password of {account.Email}.\n" +
            $"Choose a new one at {publicAddress.BaseUrl}/app/reset-password#token={token}\n" +
            $"or with: POST /v1/auth/password-reset/confirm {{\"token\": \"{token}\", \"newPassword\": \"...\"}}\n" +
            $"The link works once, for {options.PasswordResetLifetime.TotalMinutes:0} minutes. If you did not ask for it, ignore this mail: " +
            "your password stays as it is."), cancellationToken);
        return Unit.Value;
    }
}
