using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CleanRag.Infrastructure.Email;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Api.Tests;

/// <summary>A signed-in person using the API through their own client.</summary>
public sealed record TestActor(HttpClient Client, Guid UserId, string Email, string Password)
{
    public Guid CompanyId { get; init; }
}

/// <summary>Creates users, companies and team members through the public API, as a dashboard would.</summary>
public static partial class TestActors
{
    public const string Password = "correct horse battery staple";

    public static string NewEmail() => $"user-{Guid.NewGuid():N}@example.com";

    public static HttpClient Anonymous() => ApiHost.Factory.CreateClient();

    public static Task<TestActor> SignUpAsync(string? email = null, CleanRagApiFactory? host = null) =>
        SignUpAsync((host ?? ApiHost.Factory).CreateClient(), email);

    /// <summary>A new user signed up through <paramref name="client"/> (e.g. on an API running as its own process).</summary>
    public static async Task<TestActor> SignUpAsync(HttpClient client, string? email = null)
    {
        email ??= NewEmail();
        var response = await client.PostAsJsonAsync("/v1/auth/signup", new { email, password = Password, name = "Test User" });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.GetProperty("accessToken").GetString());
        return new TestActor(client, body.GetProperty("userId").GetGuid(), email, Password);
    }

    /// <summary>A new user who owns a new company.</summary>
    public static Task<TestActor> NewOwnerAsync(string companyName = "Northwind", CleanRagApiFactory? host = null) =>
        NewOwnerAsync((host ?? ApiHost.Factory).CreateClient(), companyName);

    /// <summary>A new user who owns a new company, through <paramref name="client"/>.</summary>
    public static async Task<TestActor> NewOwnerAsync(HttpClient client, string companyName)
    {
        var owner = await SignUpAsync(client);
        var response = await owner.Client.PostAsJsonAsync("/v1/companies", new { name = companyName });
        response.EnsureSuccessStatusCode();
        var company = await response.Content.ReadFromJsonAsync<JsonElement>();
        return owner with { CompanyId = company.GetProperty("id").GetGuid() };
    }

    /// <summary>A new user invited by <paramref name="inviter"/> with <paramref name="role"/>, who accepted.</summary>
    public static async Task<TestActor> JoinAsync(TestActor inviter, string role)
    {
        var email = NewEmail();
        (await inviter.Client.PostAsJsonAsync("/v1/companies/users/invite", new { email, role })).EnsureSuccessStatusCode();
        var member = await SignUpAsync(email);
        var accepted = await member.Client.PostAsync($"/v1/invites/{await InviteTokenForAsync(email)}/accept", null);
        accepted.EnsureSuccessStatusCode();
        return member with { CompanyId = inviter.CompanyId };
    }

    /// <summary>The token of the latest invite mailed to <paramref name="email"/>, read from the outbox table.</summary>
    public static async Task<string> InviteTokenForAsync(string email)
    {
        var store = ApiHost.Factory.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        var mail = await session.Query<OutboundEmail>()
            .Where(m => m.To == email).OrderByDescending(m => m.QueuedAt).FirstAsync();
        return InviteLink().Match(mail.Body).Groups[1].Value;
    }

    [GeneratedRegex("/v1/invites/([^/]+)/accept")]
    private static partial Regex InviteLink();
}
