using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CleanRag.Api.Tests.Auth;

public class AuthEndpointsTests
{
    [Test]
    public async Task Sign_up_returns_an_access_token_that_identifies_the_user()
    {
        var actor = await TestActors.SignUpAsync();

        var me = await actor.Client.GetFromJsonAsync<JsonElement>("/v1/auth/me");

        me.GetProperty("userId").GetGuid().Should().Be(actor.UserId);
        me.GetProperty("email").GetString().Should().Be(actor.Email);
        me.TryGetProperty("companyId", out _).Should().BeFalse("a new user has no company yet");
    }

    [Test]
    public async Task Signing_up_twice_with_one_email_is_a_conflict()
    {
        var actor = await TestActors.SignUpAsync();

        var response = await TestActors.Anonymous().PostAsJsonAsync("/v1/auth/signup",
            new { email = actor.Email.ToUpperInvariant(), password = TestActors.Password, name = "Twin" });

        await response.ShouldBeErrorAsync(HttpStatusCode.Conflict, "email_taken");
    }

    [Test]
    public async Task Weak_passwords_and_malformed_emails_are_rejected_per_field()
    {
        var response = await TestActors.Anonymous().PostAsJsonAsync("/v1/auth/signup",
            new { email = "not-an-email", password = "short", name = "" });

        var body = await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = body.GetProperty("errors");
        errors.GetProperty("email")[0].GetString().Should().Be("email is not a valid email address.");
        errors.GetProperty("password")[0].GetString().Should().Be("password must be at least 12 characters.");
        errors.GetProperty("name")[0].GetString().Should().Be("name is required.");
    }

    [Test]
    public async Task Malformed_json_is_a_400_in_the_error_shape()
    {
        var response = await TestActors.Anonymous().PostAsync("/v1/auth/signup",
            new StringContent("{\"email\": ", Encoding.UTF8, "application/json"));

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "malformed_json");
    }

    [Test]
    public async Task Log_in_accepts_the_right_password_only()
    {
        var actor = await TestActors.SignUpAsync();
        var client = TestActors.Anonymous();

        var ok = await client.PostAsJsonAsync("/v1/auth/login", new { email = actor.Email, password = TestActors.Password });
        var wrong = await client.PostAsJsonAsync("/v1/auth/login", new { email = actor.Email, password = "wrong password!!" });
        var unknown = await client.PostAsJsonAsync("/v1/auth/login", new { email = TestActors.NewEmail(), password = TestActors.Password });

        ok.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString().Should().NotBeNullOrEmpty();
        await wrong.ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await unknown.ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Test]
    public async Task A_refresh_token_works_once()
    {
        var client = TestActors.Anonymous();
        var signUp = await (await client.PostAsJsonAsync("/v1/auth/signup",
            new { email = TestActors.NewEmail(), password = TestActors.Password, name = "R" })).Content.ReadFromJsonAsync<JsonElement>();
        var refreshToken = signUp.GetProperty("refreshToken").GetString();

        var first = await client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken });
        var second = await client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken });

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshToken").GetString().Should().NotBe(refreshToken);
        await second.ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Test]
    public async Task Replaying_a_used_refresh_token_revokes_every_token_issued_from_it()
    {
        var actor = await TestActors.SignUpAsync();
        var client = TestActors.Anonymous();
        var r1 = await RefreshTokenOfAsync(await client.PostAsJsonAsync("/v1/auth/login", new { email = actor.Email, password = TestActors.Password }));
        var otherSignIn = await RefreshTokenOfAsync(await client.PostAsJsonAsync("/v1/auth/login", new { email = actor.Email, password = TestActors.Password }));
        var r2 = await RefreshTokenOfAsync(await client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = r1 }));

        await (await client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = r1 })).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        await (await client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = r2 })).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");

        (await client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken = otherSignIn })).StatusCode
            .Should().Be(HttpStatusCode.OK, "another sign-in is another family");
    }

    private static async Task<string> RefreshTokenOfAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refreshToken").GetString()!;
    }

    [Test]
    public async Task Protected_routes_answer_401_without_a_valid_token()
    {
        var anonymous = TestActors.Anonymous();
        var forged = TestActors.Anonymous();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");

        await (await anonymous.GetAsync("/v1/projects")).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
        await (await forged.GetAsync("/v1/auth/me")).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Test]
    public async Task Config_tells_tooling_how_to_authenticate()
    {
        var config = await TestActors.Anonymous().GetFromJsonAsync<JsonElement>("/config");

        config.GetProperty("authMode").GetString().Should().Be("builtin");
        config.GetProperty("issuer").GetString().Should().Be("cleanrag");
        config.GetProperty("audience").GetString().Should().Be("cleanrag-api");
        config.GetProperty("apiBaseUrl").GetString().Should().StartWith("http");
    }
}
