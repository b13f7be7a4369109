namespace CleanRag.Application.Common.Interfaces;

/// <summary>Outgoing mail. The default writes to the log and an outbox table (no SMTP server here).</summary>
public interface IEmailSender
{
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}

public sealed record OutgoingEmail(string To, string Subject, string Body);
