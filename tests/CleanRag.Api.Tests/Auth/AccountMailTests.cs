using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Users;
using CleanRag.Testing;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CleanRag.Api.Tests.Auth;

/// <summary>
/// An invite-only service (<c>Accounts:OpenSignUp=false</c>) that mails through SMTP (MailKit to a local aiosmtpd): invites
/// and password resets reach a real mail server. Target api_accounts: a host of its own.
/// </summary>
[NonParallelizable]
public sealed partial class AccountMailTests
{
    private SmtpSink _sink = null!;
    private CleanRagApiFactory _host = null!;

    [OneTimeSetUp]
    public async Task StartMailServerAndInviteOnlyHost()
    {
        _sink = await SmtpSink.StartAsync();
        _host = new CleanRagApiFactory(builder =>
        {
            builder.UseSetting("Accounts:OpenSignUp", "false");
            builder.UseSetting("Email:Smtp:Host", "127.0.0.1");
            builder.UseSetting("Email:Smtp:Port", _sink.Port.ToString());
            builder.UseSetting("Email:Smtp:Security", "none");
            builder.UseSetting("Email:Smtp:From", "CleanRag <no-reply@cleanrag.test>");
        }, target: "api_accounts");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _host.DisposeAsync();
        await _sink.DisposeAsync();
    }

    [Test]
    public async Task Only_an_invited_email_may_sign_up_and_the_invite_arrives_by_mail()
    {
        var owner = await OwnerAsync();
        var invitee = TestActors.NewEmail();
        (await owner.PostAsJsonAsync("/v1/companies/users/invite", new { email = invitee, role = "member" })).EnsureSuccessStatusCode();
        var invite = await MailToAsync(invitee);
        invite.Subject.Should().StartWith("You are invited to join Accounts Inc");
        var inviteToken = InviteLink().Match(invite.TextBody ?? "").Groups[1].Value;

        var stranger = await SignUpAsync(TestActors.NewEmail());
        await stranger.ShouldBeErrorAsync(HttpStatusCode.Forbidden, "signup_closed");
        var invited = await SignUpAsync(invitee.ToUpperInvariant());
        invited.StatusCode.Should().Be(HttpStatusCode.Created, await invited.Content.ReadAsStringAsync());

        var member = _host.CreateClient();
        member.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        (await member.PostAsync($"/v1/invites/{inviteToken}/accept", null)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_reset_link_by_mail_sets_a_new_password_once_and_ends_every_session()
    {
        var (email, userId) = await AccountAsync();
        var anonymous = _host.CreateClient();
        var session = await (await anonymous.PostAsJsonAsync("/v1/auth/login", new { email, password = TestActors.Password }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var requested = await anonymous.PostAsJsonAsync("/v1/auth/password-reset", new { email });
        requested.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await requested.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString().Should().Contain("If an account");
        var mail = await MailToAsync(email);
        mail.From.Mailboxes.Should().ContainSingle().Which.Should().Match<MailboxAddress>(m => m.Name == "CleanRag" && m.Address == "no-reply@cleanrag.test");
        var token = ResetLink().Match(mail.TextBody ?? "").Groups[1].Value;
        token.Should().NotBeEmpty(mail.TextBody);

        const string newPassword = "a brand new correct horse";
        (await anonymous.PostAsJsonAsync("/v1/auth/password-reset/confirm", new { token, newPassword })).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await (await anonymous.PostAsJsonAsync("/v1/auth/login", new { email, password = TestActors.Password }))
            .ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        (await anonymous.PostAsJsonAsync("/v1/auth/login", new { email, password = newPassword })).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await anonymous.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = session.GetProperty("refreshToken").GetString() }))
            .ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        await (await anonymous.PostAsJsonAsync("/v1/auth/password-reset/confirm", new { token, newPassword = "yet another password" }))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "invalid_reset_token");

        await using var events = _host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await events.Events.FetchStreamAsync(userId)).Select(e => e.Data.GetType()).Should().Equal(typeof(UserRegistered), typeof(UserPasswordReset));
    }

    [Test]
    public async Task Asking_for_a_reset_answers_alike_for_unknown_emails_and_mails_an_account_at_most_once_a_minute()
    {
        var (email, _) = await AccountAsync();
        var unknown = TestActors.NewEmail();
        var anonymous = _host.CreateClient();

        (await anonymous.PostAsJsonAsync("/v1/auth/password-reset", new { email = unknown })).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await anonymous.PostAsJsonAsync("/v1/auth/password-reset", new { email })).StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await anonymous.PostAsJsonAsync("/v1/auth/password-reset", new { email })).StatusCode.Should().Be(HttpStatusCode.Accepted);
        await MailToAsync(email);

        _sink.Messages().Count(m => m.Contains(email, StringComparison.OrdinalIgnoreCase)).Should().Be(1);
        _sink.Messages().Should().NotContain(m => m.Contains(unknown, StringComparison.OrdinalIgnoreCase));
        await (await anonymous.PostAsJsonAsync("/v1/auth/password-reset", new { email = "nope" }))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await anonymous.PostAsJsonAsync("/v1/auth/password-reset/confirm", new { token = "x", newPassword = "short" }))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    /// <summary>An account made the way an operator seeds one on an invite-only service (sign-up is closed).</summary>
    private async Task<(string Email, Guid UserId)> AccountAsync()
    {
        var email = TestActors.NewEmail();
        var registered = UserAccount.Register(Guid.CreateVersion7(), email, "Grace", DateTimeOffset.UtcNow);
        await _host.Services.GetRequiredService<IUserDirectory>().RegisterAsync(
            registered, _host.Services.GetRequiredService<IPasswordHasher>().Hash(TestActors.Password), CancellationToken.None);
        return (email, registered.UserId);
    }

    private async Task<HttpClient> OwnerAsync()
    {
        var (email, _) = await AccountAsync();
        var client = _host.CreateClient();
        var tokens = await (await client.PostAsJsonAsync("/v1/auth/login", new { email, password = TestActors.Password })).Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        (await client.PostAsJsonAsync("/v1/companies", new { name = "Accounts Inc" })).EnsureSuccessStatusCode();
        return client;
    }

    private Task<HttpResponseMessage> SignUpAsync(string email) =>
        _host.CreateClient().PostAsJsonAsync("/v1/auth/signup", new { email, password = TestActors.Password, name = "Someone" });

    private async Task<MimeMessage> MailToAsync(string to) =>
        await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(await _sink.WaitForMailToAsync(to))));

    [GeneratedRegex("/v1/invites/([^/\\s]+)/accept")]
    private static partial Regex InviteLink();

    [GeneratedRegex("/app/reset-password#token=([A-Za-z0-9_-]+)")]
    private static partial Regex ResetLink();
}
