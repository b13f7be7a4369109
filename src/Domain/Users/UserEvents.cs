using CleanRag.Domain.Common;

namespace CleanRag.Domain.Users;

/// <summary>A person signed up. Credentials are kept apart from the event stream (it is published on the bus).</summary>
public sealed record UserRegistered(Guid UserId, string Email, string Name, DateTimeOffset RegisteredAt) : IDomainEvent;
