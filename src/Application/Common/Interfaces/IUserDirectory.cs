namespace CleanRag.Application.Common.Interfaces;

/// <summary>Registered users and their credentials, which live outside the event stream.</summary>
public interface IUserDirectory
{
    /// <summary>Stores the registration event and the password hash together; a taken email is a conflict.</summary>
    Task RegisterAsync(Domain.Users.UserRegistered registered, string passwordHash, CancellationToken cancellationToken);

    Task<UserCredentials?> FindCredentialsAsync(string email, CancellationToken cancellationToken);

    /// <summary>Stores the reset event and the new password hash together.</summary>
    Task ResetPasswordAsync(Domain.Users.UserPasswordReset reset, long expectedVersion, string passwordHash, CancellationToken cancellationToken);
}

public sealed record UserCredentials(Guid UserId, string Email, string Name, string PasswordHash);
