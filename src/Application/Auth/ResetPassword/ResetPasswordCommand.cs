using Mediator;

namespace CleanRag.Application.Auth.ResetPassword;

/// <summary>Sets a new password with the token of a reset mail; every session of the account ends.</summary>
public sealed record ResetPasswordCommand(string Token, string NewPassword) : ICommand;
