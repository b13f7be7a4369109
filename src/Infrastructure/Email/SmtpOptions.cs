namespace CleanRag.Infrastructure.Email;

/// <summary>
/// The <c>Email:Smtp</c> section: the relay that delivers the service's mail (invites, escalations, password resets).
/// Without a <see cref="Host"/> mail is kept in the outbox table and logged instead (development and tests).
/// </summary>
public sealed class SmtpOptions
{
    public const string Section = "Email:Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>auto (STARTTLS when the server offers it; TLS on port 465), starttls (required), ssl, or none.</summary>
    public string Security { get; set; } = "auto";

    /// <summary>Leave empty for a relay that needs no login. Give the password through the environment or a secret store.</summary>
    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>The sender, as "Name &lt;address&gt;" or a bare address.</summary>
    public string From { get; set; } = "CleanRag <no-reply@localhost>";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
