using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CleanRag.Testing;

namespace CleanRag.Api.Tests.Webhooks;

/// <summary>
/// The README's Python and Node.js verifiers, read out of the README and run against a real delivery: what customers
/// copy is what is tested. Both interpreters are on every CI machine (Debian's python3, the machine's Node.js).
/// </summary>
public class ReadmeVerifierSnippetTests
{
    private const string PythonHarness = """

        import json, sys
        case = json.load(open(sys.argv[1]))
        body = case["body"].encode()
        tampered = body.replace(b'"', b"'")
        headers, secret = case["headers"], case["secret"]
        print(json.dumps([verify(secret, headers["x-cleanrag-signature"], body), verify_standard(secret, headers, body),
                          verify(secret, headers["x-cleanrag-signature"], tampered), verify_standard(secret, headers, tampered)]))
        """;

    private const string NodeHarness = """

        import fs from "node:fs";
        const c = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
        const body = Buffer.from(c.body), tampered = Buffer.from(c.body.replaceAll('"', "'"));
        console.log(JSON.stringify([verify(c.secret, c.headers["x-cleanrag-signature"], body), verifyStandard(c.secret, c.headers, body),
          verify(c.secret, c.headers["x-cleanrag-signature"], tampered), verifyStandard(c.secret, c.headers, tampered)]));
        """;

    [TestCase("python", "python3", ".py", PythonHarness)]
    [TestCase("js", "node", ".mjs", NodeHarness)]
    public async Task The_README_verifier_accepts_a_real_delivery_and_refuses_a_tampered_body(
        string language, string interpreter, string extension, string harness)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var api = await WebhookApi.NewProjectAsync();
        var webhook = await api.SubscribeAsync(receiver.Url, "document.indexed");
        var ping = await api.Admin.Client.PostAsync(api.Route($"/{webhook.GetProperty("id").GetGuid()}/test"), null);
        ping.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var delivery = (await receiver.WaitForAsync(r => r.Count >= 1, "the test ping"))[0];

        var directory = Directory.CreateTempSubdirectory("readme-verifier-");
        try
        {
            var script = Path.Combine(directory.FullName, "verify" + extension);
            await File.WriteAllTextAsync(script, ReadmeBlock(language) + harness);
            var caseFile = Path.Combine(directory.FullName, "case.json");
            await File.WriteAllTextAsync(caseFile, JsonSerializer.Serialize(new
            {
                secret = webhook.GetProperty("secret").GetString(),
                headers = delivery.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value),
                body = delivery.Body,
            }));

            var output = await RunAsync(interpreter, script, caseFile);

            output.Replace(" ", "").Trim().Should().Be("[true,true,false,false]",
                "the signature over the body and the Standard Webhooks signature verify; a changed body fails both");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The first fenced block of <paramref name="language"/> after "Verifying a delivery" in the README.</summary>
    private static string ReadmeBlock(string language)
    {
        var readme = File.ReadAllText(Path.Combine(TestServices.RepositoryRoot, "README.md"));
        var section = readme[readme.IndexOf("**Verifying a delivery.**", StringComparison.Ordinal)..];
        var block = Regex.Match(section, $"```{language}\n(.*?)```", RegexOptions.Singleline);
        block.Success.Should().BeTrue($"the README's webhook section has a {language} verifier");
        return block.Groups[1].Value;
    }

    private static async Task<string> RunAsync(string interpreter, params string[] arguments)
    {
        Process process;
        try
        {
            process = Process.Start(new ProcessStartInfo(interpreter, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"'{interpreter}' is needed to run the README's verifier ({e.Message}).", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.Should().Be(0, errors);
            return await output;
        }
    }
}
