using Mediator;

namespace CleanRag.Application.Auth.RefreshTokens;

public sealed record RefreshTokensCommand(string RefreshToken) : ICommand<AuthResult>;
