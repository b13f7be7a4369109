namespace CleanRag.Application.Common.Interfaces;

/// <summary>Issues the short-lived signed access tokens of the built-in issuer.</summary>
public interface IAccessTokenIssuer
{
    AccessToken Issue(Guid userId, string email, string name);
}

public sealed record AccessToken(string Token, DateTimeOffset ExpiresAt);
