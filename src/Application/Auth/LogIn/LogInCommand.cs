using System.Text.Json.Serialization;
using Mediator;

namespace CleanRag.Application.Auth.LogIn;

/// <param name="ClientAddress">The caller's IP address, set by the endpoint from the connection (never from the body).</param>
public sealed record LogInCommand(string Email, string Password, [property: JsonIgnore] string? ClientAddress = null) : ICommand<AuthResult>;
