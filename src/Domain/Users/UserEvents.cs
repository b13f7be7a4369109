using CleanRag.Domain.Common;

namespace CleanRag.Domain.Users;

/// <summary>A person signed up. Credentials are kept apart from the event stream (it is published on the bus).</summary>
public sealed record UserRegistered(Guid UserId, string Email, string Name, DateTimeOffset RegisteredAt) : IDomainEvent;

/// <summary>The person set a new password with a reset link. Neither the password nor the link's token is recorded.</summary>
public sealed record UserPasswordReset(Guid UserId, DateTimeOffset ResetAt) : IDomainEvent;
