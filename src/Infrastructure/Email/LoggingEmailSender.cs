using CleanRag.Application.Common.Interfaces;
using Marten;
using Microsoft.Extensions.Logging;

namespace CleanRag.Infrastructure.Email;

/// <summary>A mail that was "sent": kept in an outbox table for an operator or a future SMTP relay.</summary>
public sealed class OutboundEmail
{
    public Guid Id { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset QueuedAt { get; set; }
}

/// <summary>
/// The default mail port: no SMTP server is reachable from our machines, so mail is written to the log
/// (recipient and subject only — bodies hold one-time tokens) and to the outbox table.
/// </summary>
internal sealed partial class LoggingEmailSender(IDocumentStore store, TimeProvider clock, ILogger<LoggingEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Insert(new OutboundEmail
        {
            Id = Guid.CreateVersion7(), To = email.To, Subject = email.Subject, Body = email.Body, QueuedAt = clock.GetUtcNow(),
        });
        await session.SaveChangesAsync(cancellationToken);
        LogQueued(email.To, email.Subject);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail to {To} queued in the outbox: {Subject}")]
    private partial void LogQueued(string to, string subject);
}
