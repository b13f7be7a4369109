using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Users;
using Mediator;

namespace CleanRag.Application.Auth.ResetPassword;

/// <summary>
/// Spends the token, records the reset with the new password's hash, and revokes every refresh-token family of the account:
/// whoever knew the old password is signed out everywhere.
/// </summary>
public sealed class ResetPasswordCommandHandler(
    IPasswordResetTokens resetTokens, IEventStore events, IUserDirectory users, IPasswordHasher hasher, IRefreshTokenStore refreshTokens, TimeProvider clock)
    : ICommandHandler<ResetPasswordCommand>
{
    public async ValueTask<Unit> Handle(ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        var userId = await resetTokens.RedeemAsync(command.Token, cancellationToken);
        // Accounts live outside any company, whatever the caller's token says.
        var account = userId is { } id ? await events.ForTenant(Guid.Empty).LoadAsync<UserAccount>(id, cancellationToken) : null;
        if (account is null)
            throw new BadRequestException("invalid_reset_token", "The reset link is invalid, expired or already used; ask for a new one.");

        await users.ResetPasswordAsync(account.ResetPassword(clock.GetUtcNow()), account.Version, hasher.Hash(command.NewPassword), cancellationToken);
        await refreshTokens.RevokeAllAsync(account.Id, cancellationToken);
        return Unit.Value;
    }
}
