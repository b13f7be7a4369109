using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Api.Tests.Documents;
using CleanRag.Api.Tests.PublicChat;
using CleanRag.Application.Search;
using CleanRag.Infrastructure.AI;
using CleanRag.Infrastructure.AI.Embeddings;
using CleanRag.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Api.Tests.Projects;

/// <summary>
/// A project indexed with one embedding model (hashing, 384 dimensions), then the API restarted with another (hashing,
/// 256 dimensions: a space of its own, as fast as the first). Target api_reembedding: hosts of their own.
/// </summary>
[NonParallelizable]
public class ReembeddingTests
{
    private const string Target = "api_reembedding";
    private const string OldModel = "cleanrag-hashing-v1-384";
    private const string NewModel = "cleanrag-hashing-v1-256";

    [Test]
    public async Task After_the_model_changes_a_project_is_reembedded_in_the_background_and_keeps_answering_meanwhile()
    {
        // Only this project's chunks wait for the test's go (earlier runs' projects re-embed freely).
        var marker = $"zq{Guid.NewGuid():N}";
        LiveProject before;
        await using (var oldHost = new CleanRagApiFactory(target: Target))
        {
            before = await LiveProject.CreateAsync(knowledge: $"{LiveProject.Knowledge}\n\nReference {marker}.", host: oldHost);
            (await EmbeddingAsync(before)).GetProperty("model").GetString().Should().Be(OldModel);
        }

        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var newHost = new CleanRagApiFactory(builder =>
        {
            builder.UseSetting("AI:Embeddings:Hashing:Dimensions", "256");
            builder.ConfigureTestServices(services => services.AddSingleton<IEmbeddingModels>(provider => new HeldEmbeddingModels(
                new EmbeddingModelCatalog(provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(), new LocalEmbeddingOptions()),
                marker, go.Task)));
        }, Target);
        var project = OnHost(before, newHost);
        try
        {
            var running = await WaitForStatusAsync(project, "reembedding");
            running.GetProperty("model").GetString().Should().Be(OldModel);
            running.GetProperty("targetModel").GetString().Should().Be(NewModel);
            var total = running.GetProperty("total").GetInt32();
            total.Should().BePositive();
            running.GetProperty("done").GetInt32().Should().BeLessThan(total);

            // During the re-embedding: chat answers from the old space, and an upload is indexed in it.
            var answer = await project.AnswerAsync(new { question = "How often are dental cleanings covered?" });
            answer.GetProperty("sources").EnumerateArray().Should().NotBeEmpty(answer.ToString());
            await project.Documents.UploadOneAsync("travel.md", DocumentApi.Text(
                "# Travel\n\nTrain tickets are reimbursed when booked through the travel portal."));
            await project.Documents.SyncAsync();
            (await project.Documents.WaitUntilSettledAsync()).Should().OnlyContain(d => d.GetProperty("status").GetString() == "indexed");
            (await EmbeddingAsync(project)).GetProperty("status").GetString().Should().Be("reembedding");

            go.SetResult();
            var done = await WaitForStatusAsync(project, "current");

            done.GetProperty("model").GetString().Should().Be(NewModel);
            done.GetProperty("dimensions").GetInt32().Should().Be(256);
            done.GetProperty("done").GetInt32().Should().Be(done.GetProperty("total").GetInt32()).And.BeGreaterThan(total, "the upload was caught up");
            var history = await project.Owner.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{project.ProjectId}/events");
            LiveProject.EventTypes(history).Where(t => t.StartsWith("project_reembedding", StringComparison.Ordinal))
                .Should().Equal("project_reembedding_started", "project_reembedding_completed");
            // The upload made during the re-embedding is found in the new space by its vector alone.
            var question = "train tickets travel portal";
            var vector = new HashingEmbeddingGenerator(256).Embed(question);
            var hits = await newHost.Services.GetRequiredService<ISearchIndex>().SearchAsync(
                new HybridQuery(new ProjectScope(project.Owner.CompanyId, project.ProjectId), "", vector, 3), CancellationToken.None);
            hits[0].Chunk.DocumentTitle.Should().Be("travel.md");
            var travel = await project.AnswerAsync(new { question = "Are train tickets reimbursed?" });
            travel.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("title").GetString()).Should().Contain("travel.md");
        }
        finally
        {
            go.TrySetResult();
            // Archived projects are left alone by later runs' re-embeddings.
            await project.Owner.Client.DeleteAsync($"/v1/projects/{project.ProjectId}");
        }
    }

    private static async Task<JsonElement> WaitForStatusAsync(LiveProject project, string status)
    {
        var embedding = default(JsonElement);
        await Eventually.IsTrueAsync(async () => (embedding = await EmbeddingAsync(project)).GetProperty("status").GetString() == status,
            TimeSpan.FromSeconds(60), $"embedding status {status}");
        return embedding;
    }

    private static async Task<JsonElement> EmbeddingAsync(LiveProject project) =>
        await project.Owner.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{project.ProjectId}/embedding");

    /// <summary>The same owner and key, through clients of another host (the first host's clients are disposed with it).</summary>
    private static LiveProject OnHost(LiveProject project, CleanRagApiFactory host)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = project.Owner.Client.DefaultRequestHeaders.Authorization;
        return project with { Documents = project.Documents with { Actor = project.Owner with { Client = client } }, Host = host };
    }

    /// <summary>The catalog, except that the active model holds passages of one project (by a word in them) until the test says go.</summary>
    private sealed class HeldEmbeddingModels(IEmbeddingModels inner, string marker, Task go) : IEmbeddingModels
    {
        private readonly HeldGenerator _active = new(inner.Active, marker, go);

        public IEmbeddingGenerator<string, Embedding<float>> Active => _active;
        public string ActiveModelId => inner.ActiveModelId;
        public IEmbeddingGenerator<string, Embedding<float>>? Find(string modelId) => modelId == ActiveModelId ? _active : inner.Find(modelId);
    }

    private sealed class HeldGenerator(IEmbeddingGenerator<string, Embedding<float>> inner, string marker, Task go)
        : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
    {
        public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var texts = values.ToList();
            if (texts.Any(t => t.Contains(marker, StringComparison.Ordinal)))
                await go.WaitAsync(cancellationToken);
            return await base.GenerateAsync(texts, options, cancellationToken);
        }
    }
}
