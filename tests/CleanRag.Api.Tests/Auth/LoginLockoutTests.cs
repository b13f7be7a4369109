using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace CleanRag.Api.Tests.Auth;

/// <summary>Failed log-ins lock the account and the client address (test settings: 5 and 8 failures, locks from 5 s).</summary>
public partial class LoginLockoutTests
{
    private const string WrongPassword = "wrong password!!";
    private const int FirstLockSeconds = 5;

    [Test]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password_until_the_lock_expires()
    {
        var actor = await TestActors.SignUpAsync();
        var client = ClientAt(NewAddress());
        for (var i = 0; i < 5; i++)
            await (await LogInAsync(client, actor.Email, WrongPassword)).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");

        await ShouldBeLockedAsync(await LogInAsync(client, actor.Email, WrongPassword));
        await ShouldBeLockedAsync(await LogInAsync(ClientAt(NewAddress()), actor.Email, TestActors.Password)); // the account, not the address
        var retryAfter = await ShouldBeLockedAsync(await LogInAsync(client, actor.Email, TestActors.Password));

        await Task.Delay(TimeSpan.FromSeconds(retryAfter));
        (await LogInAsync(client, actor.Email, TestActors.Password)).StatusCode.Should().Be(HttpStatusCode.OK);
        // The success started the count again: a typo now is just a wrong password.
        await (await LogInAsync(client, actor.Email, WrongPassword)).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
    }

    [Test]
    public async Task An_unknown_email_locks_alike_and_each_failure_after_a_lock_doubles_it()
    {
        var email = TestActors.NewEmail(); // never signed up
        var client = ClientAt(NewAddress());
        for (var i = 0; i < 5; i++)
            await (await LogInAsync(client, email, WrongPassword)).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");

        var first = await ShouldBeLockedAsync(await LogInAsync(client, email, WrongPassword));
        await Task.Delay(TimeSpan.FromSeconds(first));
        await (await LogInAsync(client, email, WrongPassword)).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var second = await ShouldBeLockedAsync(await LogInAsync(client, email, WrongPassword));

        first.Should().BeLessThanOrEqualTo(FirstLockSeconds);
        second.Should().BeGreaterThan(FirstLockSeconds).And.BeLessThanOrEqualTo(2 * FirstLockSeconds);
    }

    [Test]
    public async Task Eight_failures_from_one_address_lock_it_for_every_account_while_other_addresses_go_on()
    {
        var actor = await TestActors.SignUpAsync();
        var address = NewAddress();
        var client = ClientAt(address);
        for (var i = 0; i < 3; i++) // successes are not held against the address
            (await LogInAsync(client, actor.Email, TestActors.Password)).StatusCode.Should().Be(HttpStatusCode.OK);
        for (var i = 0; i < 8; i++) // a different account each time: no account reaches its own limit
            await (await LogInAsync(client, TestActors.NewEmail(), WrongPassword)).ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "invalid_credentials");

        await ShouldBeLockedAsync(await LogInAsync(client, actor.Email, TestActors.Password));
        // An IPv6 client holds a whole /64, so its neighbour counts as the same client.
        await ShouldBeLockedAsync(await LogInAsync(ClientAt(Neighbour(address)), actor.Email, TestActors.Password));
        (await LogInAsync(ClientAt(NewAddress()), actor.Email, TestActors.Password)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>Asserts the lock's answer and returns its Retry-After seconds.</summary>
    private static async Task<int> ShouldBeLockedAsync(HttpResponseMessage response)
    {
        var retryAfterHeader = response.Headers.RetryAfter?.Delta;
        var body = await response.ShouldBeErrorAsync(HttpStatusCode.TooManyRequests, "too_many_attempts");
        var retryAfter = body.GetProperty("retryAfter").GetInt32();
        retryAfter.Should().BePositive();
        retryAfterHeader.Should().Be(TimeSpan.FromSeconds(retryAfter));
        body.GetProperty("error").GetString().Should().MatchRegex(LockMessage()).And.Contain($" {retryAfter} s.");
        return retryAfter;
    }

    private static Task<HttpResponseMessage> LogInAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/v1/auth/login", new { email, password });

    private static HttpClient ClientAt(IPAddress address)
    {
        var client = TestActors.Anonymous();
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, address.ToString());
        return client;
    }

    /// <summary>A /64 of its own in the documentation range, so no other test or earlier run shares its counts.</summary>
    private static IPAddress NewAddress() =>
        new([0x20, 0x01, 0x0d, 0xb8, .. Guid.NewGuid().ToByteArray()[..4], 0, 0, 0, 0, 0, 0, 0, 1]);

    private static IPAddress Neighbour(IPAddress address) => new([.. address.GetAddressBytes()[..15], 2]);

    [GeneratedRegex(@"^Too many failed log-ins; try again in \d+ s\.$")]
    private static partial Regex LockMessage();
}
