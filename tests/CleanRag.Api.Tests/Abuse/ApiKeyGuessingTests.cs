using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using CleanRag.Api.Tests.PublicChat;

namespace CleanRag.Api.Tests.Abuse;

public class ApiKeyGuessingTests
{
    [Test]
    public async Task A_hundred_and_fifty_guessed_keys_get_the_same_401_and_the_real_key_still_works()
    {
        var project = await LiveProject.CreateAsync();
        var prefixLength = project.LiveKey.IndexOf('_', project.LiveKey.IndexOf('_') + 1) + 1;
        var prefix = project.LiveKey[..prefixLength]; // e.g. sk_live_
        var guesses = Enumerable.Range(0, 150).Select(i => (i % 3) switch
        {
            0 => prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            1 => project.LiveKey[..^1] + (project.LiveKey[^1] == 'a' ? 'b' : 'a'), // one character off the real key
            _ => Convert.ToHexString(RandomNumberGenerator.GetBytes(i % 40 + 1)),
        });

        var answers = new List<string>();
        foreach (var guess in guesses)
        {
            var response = await project.AskAsync(new { question = "What about glasses?" }, guess);
            answers.Add($"{(int)response.StatusCode} {(await response.ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "invalid_api_key")).WithoutTraceId()}");
        }

        answers.Distinct().Should().ContainSingle("no guess may learn more than any other");
        (await project.AskAsync(new { question = "What about glasses?" })).StatusCode.Should().Be(HttpStatusCode.OK, "guessing does not lock the owner out");
    }
}
