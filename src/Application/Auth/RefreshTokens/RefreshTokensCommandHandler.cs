using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Users;
using Mediator;

namespace CleanRag.Application.Auth.RefreshTokens;

public sealed class RefreshTokensCommandHandler(IRefreshTokenStore refreshTokens, IReadStore readStore, AuthTokens tokens)
    : ICommandHandler<RefreshTokensCommand, AuthResult>
{
    public async ValueTask<AuthResult> Handle(RefreshTokensCommand command, CancellationToken cancellationToken)
    {
        var redeemed = await refreshTokens.RedeemAsync(command.RefreshToken, cancellationToken);
        var user = redeemed is null ? null : await readStore.LoadAsync<UserAccountView>(redeemed.UserId, cancellationToken);
        if (user is null)
            throw new UnauthorizedException("The refresh token is invalid, expired or already used.", "invalid_refresh_token");
        return await tokens.IssueAsync(user.Id, user.Email, user.Name, redeemed!.FamilyId, cancellationToken);
    }
}
