using Mediator;

namespace CleanRag.Application.Auth.LogOut;

/// <summary>Ends the session the refresh token belongs to: that token and every later one of its family stop working.</summary>
public sealed record LogOutCommand(string RefreshToken) : ICommand;
