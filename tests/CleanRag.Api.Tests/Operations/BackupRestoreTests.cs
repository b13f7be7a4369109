using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Api.Tests.PublicChat;
using CleanRag.Api.Tests.Webhooks;
using CleanRag.Testing;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace CleanRag.Api.Tests.Operations;

/// <summary>
/// build/backup.sh and build/restore.sh on a deployment of its own (target api_backup): everything a customer holds — a
/// session, an API key, a webhook secret — works again after the database and the data directory were wiped and restored,
/// and every conversation replays.
/// </summary>
[NonParallelizable]
public sealed class BackupRestoreTests
{
    private const string Target = "api_backup";
    private static readonly string DataDirectory = TestServices.DataDirectory(Target);
    private static readonly string Database = new NpgsqlConnectionStringBuilder(TestServices.PostgresConnectionString(Target)).Database!;

    [Test]
    public async Task After_a_wipe_and_a_restore_old_sessions_keys_and_webhook_secrets_work_and_conversations_replay()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        LiveProject project;
        string refreshToken, webhookSecret;
        Guid webhookId, conversationId;
        JsonElement historyBefore;
        await using (var before = new CleanRagApiFactory(target: Target))
        {
            project = await LiveProject.CreateAsync(host: before);
            var session = await (await before.CreateClient().PostAsJsonAsync("/v1/auth/login",
                new { email = project.Owner.Email, password = TestActors.Password })).Content.ReadFromJsonAsync<JsonElement>();
            refreshToken = session.GetProperty("refreshToken").GetString()!;
            var webhook = await new WebhookApi(project.Owner, project.ProjectId).SubscribeAsync(receiver.Url, "conversation.started");
            webhookSecret = webhook.GetProperty("secret").GetString()!;
            webhookId = webhook.GetProperty("id").GetGuid();
            conversationId = (await project.AnswerAsync(new { question = "How often are dental cleanings covered?" }))
                .GetProperty("conversationId").GetGuid();
            historyBefore = await project.Owner.Client.GetFromJsonAsync<JsonElement>(
                $"/v1/projects/{project.ProjectId}/conversations/{conversationId}/events");
        }
        var backup = Path.Combine(Path.GetTempPath(), $"cleanrag-backup-{Guid.NewGuid():N}.tar");
        try
        {
            await RunAsync("build/backup.sh", "--database", Database, "--data-dir", DataDirectory, backup);
            await WipeAsync();
            await RunAsync("build/restore.sh", "--database", Database, "--data-dir", DataDirectory, backup);
        }
        finally
        {
            File.Delete(backup);
        }

        await using var after = new CleanRagApiFactory(target: Target);
        var owner = after.CreateClient();
        var refreshed = await owner.PostAsJsonAsync("/v1/auth/refresh", new { refreshToken });
        refreshed.StatusCode.Should().Be(HttpStatusCode.OK, "the session from before the backup goes on");
        owner.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await refreshed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());

        var historyAfter = await owner.GetFromJsonAsync<JsonElement>($"/v1/projects/{project.ProjectId}/conversations/{conversationId}/events");
        historyAfter.ToString().Should().Be(historyBefore.ToString(), "the conversation replays event for event");

        var keyed = after.CreateClient();
        keyed.DefaultRequestHeaders.Add("X-CleanRag-Key", project.LiveKey);
        // The search index is rebuilt from the restored files in the background after start-up.
        await Eventually.IsTrueAsync(async () =>
        {
            var answer = await keyed.PostAsJsonAsync("/v1/chat", new { question = "How often are dental cleanings covered?" });
            answer.StatusCode.Should().Be(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
            if ((await answer.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("sources", out var sources) && sources.GetArrayLength() > 0)
                return true;
            await Task.Delay(TimeSpan.FromSeconds(1)); // within the key's 60 requests a minute
            return false;
        }, TimeSpan.FromSeconds(55), "an answer with sources from the rebuilt index");

        (await owner.PostAsync($"/v1/projects/{project.ProjectId}/webhooks/{webhookId}/test", null)).IsSuccessStatusCode.Should().BeTrue();
        var delivered = await receiver.WaitForAsync(r => r.Any(w => w.Event == "ping"), "the test delivery", TimeSpan.FromSeconds(30));
        var test = delivered.Last(w => w.Event == "ping");
        CleanRagWebhook.Verify(webhookSecret, test.Headers["X-CleanRag-Signature"], test.Body).Should().BeTrue("signed with the secret shown at creation");
    }

    /// <summary>Loses everything: the database is dropped and the data directory (files, keys, indexes) deleted.</summary>
    private static async Task WipeAsync()
    {
        var admin = new NpgsqlConnectionStringBuilder(TestServices.PostgresConnectionString(Target)) { Database = "postgres", Pooling = false };
        NpgsqlConnection.ClearAllPools();
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE \"{Database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        Directory.Delete(DataDirectory, recursive: true);
    }

    private static async Task RunAsync(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = TestServices.RepositoryRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, $"{script}: {await output}{await errors}");
    }
}
