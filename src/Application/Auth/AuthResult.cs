namespace CleanRag.Application.Auth;

/// <summary>What sign-up, log-in and refresh return: a short-lived access token and a refresh token.</summary>
public sealed record AuthResult(Guid UserId, string AccessToken, DateTimeOffset ExpiresAt, string RefreshToken, string TokenType = "Bearer");
