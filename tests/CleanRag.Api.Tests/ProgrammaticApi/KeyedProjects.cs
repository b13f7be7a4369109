using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Api.Tests.PublicChat;

namespace CleanRag.Api.Tests.ProgrammaticApi;

/// <summary>
/// A live project with a conversation, read with its key; beside it, a second project of the same company and a project of another
/// company, each with a key of its own, and a revoked key of the first project.
/// </summary>
public sealed record KeyedProjects(LiveProject Project, Guid DocumentId, Guid ConversationId, string SiblingKey, string OtherCompanyKey, string RevokedKey)
{
    public static async Task<KeyedProjects> CreateAsync()
    {
        var project = await LiveProject.CreateAsync();
        var documentId = (await project.Documents.ListAsync()).Single().GetProperty("id").GetGuid();
        var answer = await project.AnswerAsync(new { question = "How often are dental cleanings covered?" });

        var sibling = await (await project.Owner.Client.PostAsJsonAsync("/v1/projects", new { name = "Sales" })).Content.ReadFromJsonAsync<JsonElement>();
        var siblingKey = await CreateKeyAsync(project.Owner, sibling.GetProperty("id").GetGuid());
        var stranger = await TestActors.NewOwnerAsync("Contoso");
        var strangerProject = await (await stranger.Client.PostAsJsonAsync("/v1/projects", new { name = "Support" })).Content.ReadFromJsonAsync<JsonElement>();
        var otherCompanyKey = await CreateKeyAsync(stranger, strangerProject.GetProperty("id").GetGuid());
        var revoked = await CreateKeyAsync(project.Owner, project.ProjectId);
        var revokeResponse = await project.Owner.Client.DeleteAsync($"/v1/projects/{project.ProjectId}/keys/{revoked.Id}");
        revokeResponse.StatusCode.Should().Be(HttpStatusCode.OK);

        return new KeyedProjects(project, documentId, answer.GetProperty("conversationId").GetGuid(), siblingKey.Key, otherCompanyKey.Key, revoked.Key);
    }

    public Guid ProjectId => Project.ProjectId;

    /// <summary>A server's client sending <paramref name="key"/> (the project's live key by default) and no dashboard token.</summary>
    public HttpClient KeyClient(string? key = null) => Project.KeyClient(key);

    /// <summary>A route template with the fixture's ids: {project}, {document}, {conversation}.</summary>
    public string Route(string template) => template
        .Replace("{project}", ProjectId.ToString(), StringComparison.Ordinal)
        .Replace("{document}", DocumentId.ToString(), StringComparison.Ordinal)
        .Replace("{conversation}", ConversationId.ToString(), StringComparison.Ordinal);

    private static async Task<(Guid Id, string Key)> CreateKeyAsync(TestActor admin, Guid projectId)
    {
        var response = await admin.Client.PostAsJsonAsync($"/v1/projects/{projectId}/keys", new { name = "server", environment = "test" });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var key = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (key.GetProperty("id").GetGuid(), key.GetProperty("key").GetString()!);
    }
}
