using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Users;
using CleanRag.Domain.Users;
using CleanRag.Infrastructure.Persistence;
using Marten;

namespace CleanRag.Infrastructure.Identity;

/// <summary>A user's password hash, kept out of the event stream (which is published on the bus).</summary>
public sealed class UserCredentialsRecord
{
    public Guid Id { get; set; }
    public string Email { get; set; } = "";
    public string Name { get; set; } = "";
    public string PasswordHash { get; set; } = "";
}

internal sealed class MartenUserDirectory(IDocumentStore store) : IUserDirectory
{
    public async Task RegisterAsync(UserRegistered registered, string passwordHash, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Events.StartStream<UserAccount>(registered.UserId, registered);
        // The user read model is global (users exist before their company), so it is written here with
        // the event rather than by a tenant-scoped projection.
        session.Insert(new UserAccountView
        {
            Id = registered.UserId, Email = registered.Email, Name = registered.Name, RegisteredAt = registered.RegisteredAt,
        });
        session.Insert(new UserCredentialsRecord
        {
            Id = registered.UserId, Email = registered.Email, Name = registered.Name, PasswordHash = passwordHash,
        });
        try
        {
            await MartenEventStore.SaveAsync(session, cancellationToken);
        }
        catch (DuplicateException)
        {
            throw new ConflictException("email_taken", "An account with this email already exists.");
        }
    }

    public async Task ResetPasswordAsync(UserPasswordReset reset, long expectedVersion, string passwordHash, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var credentials = await session.LoadAsync<UserCredentialsRecord>(reset.UserId, cancellationToken)
                          ?? throw new InvalidOperationException($"User {reset.UserId} has an account stream but no credentials.");
        credentials.PasswordHash = passwordHash;
        session.Store(credentials);
        // Marten checks the version the stream reaches after this append.
        session.Events.Append(reset.UserId, expectedVersion + 1, reset);
        await MartenEventStore.SaveAsync(session, cancellationToken);
    }

    public async Task<UserCredentials?> FindCredentialsAsync(string email, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var record = await session.Query<UserCredentialsRecord>().FirstOrDefaultAsync(r => r.Email == email, cancellationToken);
        return record is null ? null : new UserCredentials(record.Id, record.Email, record.Name, record.PasswordHash);
    }
}
