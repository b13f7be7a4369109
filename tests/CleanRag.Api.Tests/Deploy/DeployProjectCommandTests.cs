using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Api.Tests.Documents;
using CleanRag.Api.Tests.PublicChat;
using CleanRag.Application.ApiKeys;
using CleanRag.Application.Projects.DeployProject;
using CleanRag.Domain.ApiKeys;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Api.Tests.Deploy;

/// <summary>Deploy through the mediator: confirm, queue, issue, revoke and deploy are one commit.</summary>
public class DeployProjectCommandTests
{
    private static async Task<DocumentApi> ProjectWithAnUploadedDocumentAsync()
    {
        var owner = await TestActors.NewOwnerAsync();
        var project = await (await owner.Client.PostAsJsonAsync("/v1/projects",
                new { name = "Support", allowedOrigins = new[] { LiveProject.SiteOrigin }, widgetEnabled = true }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var documents = new DocumentApi(owner, project.GetProperty("id").GetGuid());
        await documents.UploadOneAsync("benefits.md", DocumentApi.Text(LiveProject.Knowledge));
        return documents;
    }

    [Test]
    public async Task A_deploy_issues_a_live_key_revokes_the_earlier_one_and_queues_the_documents()
    {
        var documents = await ProjectWithAnUploadedDocumentAsync();
        await using var scope = new UseCaseScope(documents.Actor);
        var earlier = await scope.Mediator.Send(new Application.ApiKeys.CreateApiKey.CreateApiKeyCommand(documents.ProjectId, "old", "live"));

        var deployment = await scope.Mediator.Send(new DeployProjectCommand(documents.ProjectId));

        deployment.Key.Environment.Should().Be(ApiKeyEnvironment.Live);
        deployment.RevokedKeys.Should().Be(1);
        deployment.QueuedDocuments.Should().Be(1);
        var keys = await scope.Mediator.Send(new Application.ApiKeys.ListProjectApiKeys.ListProjectApiKeysQuery(documents.ProjectId));
        keys.Single(k => k.Id == earlier.Id).Status.Should().Be(ApiKeyStatus.Revoked);
        keys.Single(k => k.Id == deployment.Key.Id).Status.Should().Be(ApiKeyStatus.Active);
    }

    [Test]
    public async Task A_deploy_that_fails_half_way_leaves_nothing_behind()
    {
        var documents = await ProjectWithAnUploadedDocumentAsync();
        await using var scope = new UseCaseScope(documents.Actor);
        var services = scope.Services;
        // The key is issued after the documents were queued: a failure there must take the queueing with it.
        var failingIssuer = ActivatorUtilities.CreateInstance<ApiKeyIssuer>(services, new FailingHasher());
        var handler = ActivatorUtilities.CreateInstance<DeployProjectCommandHandler>(services, failingIssuer);

        var deploy = async () => await handler.Handle(new DeployProjectCommand(documents.ProjectId), default);

        await deploy.Should().ThrowAsync<InvalidOperationException>().WithMessage("hashing failed");
        (await documents.ListAsync()).Single().GetProperty("status").GetString().Should().Be("uploaded");
        var project = await documents.Actor.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{documents.ProjectId}");
        project.GetProperty("status").GetString().Should().Be("draft");
    }

    private sealed class FailingHasher : IApiKeyHasher
    {
        public string Hash(string key) => throw new InvalidOperationException("hashing failed");
    }
}
