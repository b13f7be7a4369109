using System.Net;
using System.Net.Http.Json;
using CleanRag.Api.Tests.PublicChat;

namespace CleanRag.Api.Tests.Conversations;

/// <summary>
/// The dashboard's handoff routes (replies, handback, resolve): any member may use them; bad input is a 400, an unknown
/// conversation or another project's or company's a 404, and a step the conversation's state does not allow a 409.
/// </summary>
public class ConversationHandoffEndpointsTests
{
    private static readonly string[] Steps = ["/replies", "/handback", "/resolve"];

    [Test]
    public async Task A_member_replies_and_a_blank_or_too_long_reply_is_refused()
    {
        var project = await LiveProject.CreateAsync();
        var conversation = await WidgetConversation.StartAsync(project);
        var member = await TestActors.JoinAsync(project.Owner, "member");

        var replied = await member.Client.PostAsJsonAsync(conversation.DashboardRoute("/replies"), new { content = "  Hello  " });
        replied.StatusCode.Should().Be(HttpStatusCode.OK, await replied.Content.ReadAsStringAsync());

        foreach (var body in new object[] { new { content = "   " }, new { }, new { content = new string('x', 4001) } })
        {
            (await (await member.Client.PostAsJsonAsync(conversation.DashboardRoute("/replies"), body))
                    .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed"))
                .GetProperty("errors").GetProperty("content").GetArrayLength().Should().Be(1);
        }
        await (await member.Client.PostAsync(conversation.DashboardRoute("/replies"), new StringContent("{oops", null, "application/json")))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "malformed_json");
    }

    [Test]
    public async Task Unknown_conversations_and_those_of_another_project_or_company_are_not_found()
    {
        var project = await LiveProject.CreateAsync();
        var conversation = await WidgetConversation.StartAsync(project);
        var other = await LiveProject.CreateAsync();
        var otherProjectOfSameCompany = await (await project.Owner.Client.PostAsJsonAsync("/v1/projects", new { name = "Other" }))
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        foreach (var step in Steps)
        {
            object body = step == "/replies" ? new { content = "Hi" } : new { };
            await (await project.Owner.Client.PostAsJsonAsync(
                    $"/v1/projects/{project.ProjectId}/conversations/{Guid.NewGuid()}{step}", body))
                .ShouldBeErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
            await (await other.Owner.Client.PostAsJsonAsync(conversation.DashboardRoute(step), body))
                .ShouldBeErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
            await (await other.Owner.Client.PostAsJsonAsync(
                    $"/v1/projects/{other.ProjectId}/conversations/{conversation.ConversationId}{step}", body))
                .ShouldBeErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
            await (await project.Owner.Client.PostAsJsonAsync(
                    $"/v1/projects/{otherProjectOfSameCompany.GetProperty("id").GetGuid()}/conversations/{conversation.ConversationId}{step}", body))
                .ShouldBeErrorAsync(HttpStatusCode.NotFound, "conversation_not_found");
        }
        LiveProject.EventTypes(await project.EventsAsync(conversation.ConversationId))
            .Should().NotContain(["human_replied", "conversation_handed_back", "conversation_resolved"]);
    }

    [Test]
    public async Task Handing_back_a_bot_conversation_or_resolving_twice_is_a_conflict()
    {
        var project = await LiveProject.CreateAsync();
        var conversation = await WidgetConversation.StartAsync(project);

        await (await project.Owner.Client.PostAsync(conversation.DashboardRoute("/handback"), null))
            .ShouldBeErrorAsync(HttpStatusCode.Conflict, "not_with_a_person");
        await conversation.DashboardAsync("/resolve");
        await (await project.Owner.Client.PostAsync(conversation.DashboardRoute("/resolve"), null))
            .ShouldBeErrorAsync(HttpStatusCode.Conflict, "already_resolved");
    }

    [Test]
    public async Task Anonymous_callers_are_refused()
    {
        var project = await LiveProject.CreateAsync();
        var conversation = await WidgetConversation.StartAsync(project);

        foreach (var step in Steps)
            await (await TestActors.Anonymous().PostAsJsonAsync(conversation.DashboardRoute(step), new { content = "Hi" }))
                .ShouldBeErrorAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Test]
    public async Task The_inbox_filter_by_handling_is_validated()
    {
        var project = await LiveProject.CreateAsync();

        (await (await project.Owner.Client.GetAsync($"/v1/projects/{project.ProjectId}/conversations?handling=asleep"))
                .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .GetProperty("errors").GetProperty("handling").GetArrayLength().Should().Be(1);
    }
}
