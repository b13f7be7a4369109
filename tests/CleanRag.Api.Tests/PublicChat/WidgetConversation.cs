using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CleanRag.Api.Tests.PublicChat;

/// <summary>The widget's calls that name a conversation or a message, as a page of <paramref name="Project"/>'s site makes them.</summary>
public sealed record WidgetConversation(LiveProject Project, Guid ConversationId, Guid MessageId)
{
    /// <summary>Asks through the widget's stream and returns the conversation with the question's id (the <c>done</c> event's).</summary>
    public static async Task<WidgetConversation> StartAsync(LiveProject project, string message = "What about glasses?")
    {
        var done = await AskAsync(project, message, null);
        return new WidgetConversation(project, done.GetProperty("conversation_id").GetGuid(), done.GetProperty("message_id").GetGuid());
    }

    /// <summary>The <c>done</c> event of one more message in the conversation.</summary>
    public Task<JsonElement> SayAsync(string message) => AskAsync(Project, message, ConversationId);

    public async Task<List<ServerSentEvent>> SayStreamAsync(string message) =>
        await ServerSentEvents.ReadAllAsync(await Project.WidgetAsync(new { project_id = Project.ProjectId, message, conversation_id = ConversationId }));

    public static Task<HttpResponseMessage> SendAsync(LiveProject project, HttpMethod method, string path, object? body = null,
        string? origin = LiveProject.SiteOrigin)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        return project.Host.CreateClient().SendAsync(request);
    }

    public Task<HttpResponseMessage> PollAsync(string? since = null, string? origin = LiveProject.SiteOrigin) =>
        SendAsync(Project, HttpMethod.Get,
            $"/api/widget/messages?conversationId={ConversationId}{(since is null ? "" : "&since=" + Uri.EscapeDataString(since))}", origin: origin);

    public async Task<List<JsonElement>> MessagesAsync(string? since = null)
    {
        var response = await PollAsync(since);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messages").EnumerateArray().ToList();
    }

    public Task<HttpResponseMessage> EscalateAsync(object body, string? origin = LiveProject.SiteOrigin) =>
        SendAsync(Project, HttpMethod.Post, "/api/widget/escalate", body, origin);

    public Task<HttpResponseMessage> RateAsync(object body, string? origin = LiveProject.SiteOrigin) =>
        SendAsync(Project, HttpMethod.Post, "/api/widget/feedback", body, origin);

    public string DashboardRoute(string path = "") => $"/v1/projects/{Project.ProjectId}/conversations/{ConversationId}{path}";

    public async Task<JsonElement> DashboardAsync(string path, object? body = null)
    {
        var response = await Project.Owner.Client.PostAsJsonAsync(DashboardRoute(path), body ?? new { });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> AskAsync(LiveProject project, string message, Guid? conversationId)
    {
        var response = await project.WidgetAsync(new { project_id = project.ProjectId, message, conversation_id = conversationId });
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var events = await ServerSentEvents.ReadAllAsync(response);
        return JsonDocument.Parse(events.Single(e => e.Name == "done").Data).RootElement;
    }
}
