using CleanRag.Api.Tests.Documents;
using CleanRag.Application.Search;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Api.Tests.PublicChat;

/// <summary>
/// The product's default embedder, the in-process all-MiniLM-L6-v2, end to end: upload → ingestion on the bus
/// (embedding with the real model) → /v1/chat. The other API tests embed by hashing, so this host is the only one
/// that loads the model (target api_local_model: its own database, vhost and index).
/// </summary>
[NonParallelizable]
public class LocalModelChatTests
{
    private CleanRagApiFactory _host = null!;

    [OneTimeSetUp]
    public void Start() =>
        _host = new CleanRagApiFactory(builder => builder.UseSetting("AI:Embeddings:Provider", "local"), target: "api_local_model");

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task A_question_is_answered_from_the_right_document_indexed_with_the_local_model()
    {
        var owner = await TestActors.NewOwnerAsync(host: _host);
        var documents = await DocumentApi.NewProjectAsync(owner);
        await documents.UploadOneAsync("benefits.md", DocumentApi.Text(
            "# Dental\n\nDental cleanings are covered twice a year. Orthodontic treatment is not covered.\n\n" +
            "# Vision\n\nGlasses are covered up to 150 dollars per year."));
        await documents.UploadOneAsync("travel.md", DocumentApi.Text(
            "# Travel\n\nTrain tickets are reimbursed when booked through the travel portal. " +
            "Hotel stays are covered up to 120 dollars per night, twice a year at most without approval."));
        var deployment = await LiveProject.DeployAsync(owner, documents.ProjectId);
        var project = new LiveProject(documents, deployment.GetProperty("key").GetProperty("key").GetString()!, _host);
        await project.WaitUntilLiveAsync();

        var answer = await project.AnswerAsync(new { question = "How often are my dental cleanings paid for?" });

        var text = answer.GetProperty("answer").GetString();
        text.Should().Contain("twice a year");
        answer.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("title").GetString()).Should().Contain("benefits.md")
            .And.NotContain("travel.md", "the answer is in benefits.md; the answer was: {0}", text);
        var space = await _host.Services.GetRequiredService<ISearchIndex>()
            .GetEmbeddingSpaceAsync(new ProjectScope(owner.CompanyId, documents.ProjectId), CancellationToken.None);
        space.Should().Be(new EmbeddingSpace("sentence-transformers/all-MiniLM-L6-v2", 384), "the chunks were embedded by the local model");
    }
}
