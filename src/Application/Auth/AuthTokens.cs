using CleanRag.Application.Common.Interfaces;

namespace CleanRag.Application.Auth;

/// <summary>Issues the pair of tokens every successful authentication returns.</summary>
public sealed class AuthTokens(IAccessTokenIssuer accessTokens, IRefreshTokenStore refreshTokens)
{
    public async Task<AuthResult> IssueAsync(Guid userId, string email, string name, CancellationToken cancellationToken)
    {
        var access = accessTokens.Issue(userId, email, name);
        var refresh = await refreshTokens.IssueAsync(userId, cancellationToken);
        return new AuthResult(userId, access.Token, access.ExpiresAt, refresh);
    }
}
