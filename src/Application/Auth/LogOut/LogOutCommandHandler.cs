using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Auth.LogOut;

/// <summary>
/// Revokes the token's family. An unknown, expired or revoked token succeeds too (RFC 7009): the answer never tells
/// whether a token was valid, and logging out twice is not an error.
/// </summary>
public sealed class LogOutCommandHandler(IRefreshTokenStore refreshTokens) : ICommandHandler<LogOutCommand>
{
    public async ValueTask<Unit> Handle(LogOutCommand command, CancellationToken cancellationToken)
    {
        await refreshTokens.RevokeFamilyAsync(command.RefreshToken, cancellationToken);
        return Unit.Value;
    }
}
