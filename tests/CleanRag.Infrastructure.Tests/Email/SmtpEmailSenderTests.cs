using CleanRag.Application.Common.Interfaces;
using CleanRag.Infrastructure.Email;
using CleanRag.Infrastructure.Health;
using CleanRag.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CleanRag.Infrastructure.Tests.Email;

/// <summary>MailKit against a real SMTP server (aiosmtpd on 127.0.0.1).</summary>
public class SmtpEmailSenderTests
{
    [Test]
    public async Task A_mail_reaches_the_smtp_server_with_its_sender_recipient_subject_and_body()
    {
        await using var sink = await SmtpSink.StartAsync();
        var sender = Sender(sink.Port);

        await sender.SendAsync(new OutgoingEmail("ada@example.com", "Reset your password", "Choose a new one at https://x/reset#token=abc"),
            CancellationToken.None);

        var mail = await sink.WaitForMailToAsync("ada@example.com");
        mail.Should().Contain("From: CleanRag <no-reply@example.com>").And.Contain("Subject: Reset your password")
            .And.Contain("https://x/reset#token=abc");
    }

    [Test]
    public async Task A_mail_server_that_does_not_answer_is_an_outage_of_the_mail_server()
    {
        int closedPort;
        await using (var sink = await SmtpSink.StartAsync())
            closedPort = sink.Port;

        var send = () => Sender(closedPort).SendAsync(new OutgoingEmail("ada@example.com", "Hello", "Hi"), CancellationToken.None);

        var failure = (await send.Should().ThrowAsync<MailServerUnavailableException>()).Which;
        new DependencyOutageDetector().FindUnavailableDependency(new Exception("wrapped", failure)).Should().Be("mail server");
    }

    private static SmtpEmailSender Sender(int port) => new(
        new SmtpOptions { Host = "127.0.0.1", Port = port, Security = "none", From = "CleanRag <no-reply@example.com>", Timeout = TimeSpan.FromSeconds(5) },
        NullLogger<SmtpEmailSender>.Instance);
}
