namespace CleanRag.Application.Auth;

/// <summary>How people get accounts: the operator's settings.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>False makes the service invite-only: only an email with a pending invite may sign up.</summary>
    public bool OpenSignUp { get; set; } = true;

    /// <summary>How long a password-reset link works.</summary>
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>At most one reset mail per account within this time, so the form cannot flood someone's inbox.</summary>
    public TimeSpan PasswordResetInterval { get; set; } = TimeSpan.FromMinutes(1);
}
