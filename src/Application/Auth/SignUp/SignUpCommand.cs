using Mediator;

namespace CleanRag.Application.Auth.SignUp;

public sealed record SignUpCommand(string Email, string Password, string Name) : ICommand<AuthResult>;
