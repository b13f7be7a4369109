using Mediator;

namespace CleanRag.Application.Auth.LogIn;

public sealed record LogInCommand(string Email, string Password) : ICommand<AuthResult>;
