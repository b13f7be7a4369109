using Mediator;

namespace CleanRag.Application.Auth.RequestPasswordReset;

/// <summary>Mails a single-use password-reset link to the account with this email, if there is one.</summary>
public sealed record RequestPasswordResetCommand(string Email) : ICommand;
