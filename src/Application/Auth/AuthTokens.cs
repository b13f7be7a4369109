using CleanRag.Application.Common.Interfaces;

namespace CleanRag.Application.Auth;

/// <summary>Issues the pair of tokens every successful authentication returns.</summary>
public sealed class AuthTokens(IAccessTokenIssuer accessTokens, IRefreshTokenStore refreshTokens)
{
    /// <summary>Tokens for a new sign-in: the refresh token starts a family of its own.</summary>
    public Task<AuthResult> IssueAsync(Guid userId, string email, string name, CancellationToken cancellationToken) =>
        IssueAsync(userId, email, name, Guid.CreateVersion7(), cancellationToken);

    /// <summary>Tokens that continue a sign-in: the refresh token is the next of <paramref name="refreshTokenFamily"/>.</summary>
    public async Task<AuthResult> IssueAsync(Guid userId, string email, string name, Guid refreshTokenFamily, CancellationToken cancellationToken)
    {
        var access = accessTokens.Issue(userId, email, name);
        var refresh = await refreshTokens.IssueAsync(userId, refreshTokenFamily, cancellationToken);
        return new AuthResult(userId, access.Token, access.ExpiresAt, refresh);
    }
}
