using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CleanRag.Api.Tests.Auth;

/// <summary>POST /v1/auth/logout: the refresh token's family (one sign-in and its rotations) stops working.</summary>
public class LogOutTests
{
    [Test]
    public async Task Logging_out_ends_that_sign_in_and_leaves_the_others()
    {
        var email = TestActors.NewEmail();
        var client = TestActors.Anonymous();
        var signUp = await PostAsync(client, "/v1/auth/signup", new { email, password = TestActors.Password, name = "Ada" });
        var otherSignIn = await PostAsync(client, "/v1/auth/login", new { email, password = TestActors.Password });

        (await client.PostAsJsonAsync("/v1/auth/logout", new { refreshToken = RefreshToken(signUp) })).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await (await Refresh(client, RefreshToken(signUp))).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
        (await Refresh(client, RefreshToken(otherSignIn))).StatusCode.Should().Be(HttpStatusCode.OK, "another sign-in is another session");
    }

    [Test]
    public async Task Logging_out_with_a_rotated_token_ends_the_whole_sign_in()
    {
        var client = TestActors.Anonymous();
        var signUp = await PostAsync(client, "/v1/auth/signup", new { email = TestActors.NewEmail(), password = TestActors.Password, name = "Ada" });
        var rotated = await (await Refresh(client, RefreshToken(signUp))).Content.ReadFromJsonAsync<JsonElement>();

        (await client.PostAsJsonAsync("/v1/auth/logout", new { refreshToken = RefreshToken(rotated) })).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await (await Refresh(client, RefreshToken(rotated))).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "invalid_refresh_token");
    }

    [Test]
    public async Task An_unknown_token_logs_out_quietly_and_a_missing_one_is_a_400()
    {
        var client = TestActors.Anonymous();

        (await client.PostAsJsonAsync("/v1/auth/logout", new { refreshToken = "not-a-token" })).StatusCode.Should().Be(HttpStatusCode.NoContent,
            "the answer never tells whether a token was valid");
        await (await client.PostAsJsonAsync("/v1/auth/logout", new { refreshToken = "" })).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task<HttpResponseMessage> Refresh(HttpClient client, string refreshToken) =>
        client.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken });

    private static string RefreshToken(JsonElement tokens) => tokens.GetProperty("refreshToken").GetString()!;
}
