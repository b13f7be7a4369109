using System.Net.Sockets;
using CleanRag.Application.Common.Interfaces;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace CleanRag.Infrastructure.Email;

/// <summary>The mail server could not take a mail; a retry may succeed (the API answers 503 "mail server").</summary>
public sealed class MailServerUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Delivers mail through an SMTP relay with MailKit, one connection per mail (the service sends a few a minute at most).
/// Bodies carry one-time tokens, so they are neither logged nor stored.
/// </summary>
internal sealed partial class SmtpEmailSender(SmtpOptions options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    private readonly string _host = string.IsNullOrWhiteSpace(options.Host) ? throw new ArgumentException("Email:Smtp:Host is required.") : options.Host;
    private readonly MailboxAddress _from = MailboxAddress.Parse(options.From);

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var message = new MimeMessage { Subject = email.Subject, Body = new TextPart("plain") { Text = email.Body } };
        message.From.Add(_from);
        message.To.Add(MailboxAddress.Parse(email.To));

        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(_host, options.Port, SocketOptions(), cancellationToken);
            if (!string.IsNullOrEmpty(options.Username))
                await client.AuthenticateAsync(options.Username, options.Password ?? "", cancellationToken);
            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception exception) when (exception is SocketException or IOException or SmtpCommandException or SmtpProtocolException
                                              or ServiceNotConnectedException or AuthenticationException or SslHandshakeException
                                              or TimeoutException)
        {
            LogFailed(email.To, email.Subject, _host, options.Port, exception.Message);
            throw new MailServerUnavailableException($"The mail server {_host}:{options.Port} did not take the mail: {exception.Message}", exception);
        }
        LogSent(email.To, email.Subject);
    }

    private SecureSocketOptions SocketOptions() => options.Security.ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "ssl" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail to {To} sent: {Subject}")]
    private partial void LogSent(string to, string subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail to {To} ({Subject}) not sent: {Host}:{Port} answered {Reason}")]
    private partial void LogFailed(string to, string subject, string host, int port, string reason);
}
