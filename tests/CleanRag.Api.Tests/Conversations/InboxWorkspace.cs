using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CleanRag.Domain.Common;
using CleanRag.Domain.Conversations;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Api.Tests.Conversations;

/// <summary>
/// A company with two projects (created through the API) whose conversations are recorded straight into its event store, as
/// the chat records them: each decided by the <see cref="Conversation"/> aggregate, projected inline like any other. Lets the
/// inbox tests have answered, unanswered and refused questions and feedback without running the chat for each.
/// </summary>
public sealed record InboxWorkspace(TestActor Owner, Guid ProjectA, Guid ProjectB)
{
    public static async Task<InboxWorkspace> CreateAsync()
    {
        var owner = await TestActors.NewOwnerAsync();
        return new InboxWorkspace(owner, await NewProjectAsync(owner, "Support"), await NewProjectAsync(owner, "Sales"));
    }

    public static async Task<Guid> NewProjectAsync(TestActor owner, string name)
    {
        var response = await owner.Client.PostAsJsonAsync("/v1/projects", new { name });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A question and what became of it: <c>answered</c> (with <paramref name="Answer"/>), <c>unanswered</c> or <c>refused</c>.</summary>
    public sealed record Turn(string Question, string Outcome = "answered", string Answer = "Glasses are covered up to 150 dollars.",
        bool? Helpful = null, string? Comment = null);

    /// <summary>Records a conversation of <paramref name="projectId"/> with these turns; returns its id.</summary>
    public Task<Guid> SeedAsync(Guid projectId, params Turn[] turns) => SeedAsync(projectId, isTest: false, escalate: false, turns);

    public async Task<Guid> SeedAsync(Guid projectId, bool isTest, bool escalate, params Turn[] turns)
    {
        var id = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var conversation = new Conversation();
        var events = new List<IDomainEvent>();
        void Record(IDomainEvent e)
        {
            conversation.ApplyEvent(e);
            events.Add(e);
        }

        Record(Conversation.Start(id, projectId, $"visitor-{id:N}", $"session-{id:N}", ConversationChannel.Widget, isTest, null, now));
        foreach (var turn in turns)
        {
            var messageId = Guid.NewGuid();
            Record(conversation.Ask(messageId, turn.Question, turn.Question, now));
            Record(turn.Outcome switch
            {
                "answered" => conversation.Answer(messageId, turn.Answer,
                    [new CitedSource(1, Guid.NewGuid(), "benefits.md", turn.Answer, 2, 0.9)], 0.9, "extractive", 12, 0, 0, now),
                "unanswered" => conversation.LeaveUnanswered(messageId, 0, now),
                "refused" => conversation.Refuse(messageId, 0.2, now),
                _ => throw new ArgumentException(turn.Outcome),
            });
            if (turn.Helpful is { } helpful)
                Record(conversation.GiveFeedback(messageId, helpful, turn.Comment, now));
        }
        if (escalate)
            Record(conversation.RequestPerson("The visitor asked for a person.", null, null, null, now));

        var store = ApiHost.Factory.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.LightweightSession(Owner.CompanyId.ToString());
        session.Events.StartStream<Conversation>(id, events.Cast<object>().ToArray());
        await session.SaveChangesAsync();
        return id;
    }

    public Task<HttpResponseMessage> GetAsync(string query = "") => Owner.Client.GetAsync($"/v1/conversations{query}");

    public async Task<JsonElement> PageAsync(string query = "")
    {
        var response = await GetAsync(query);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The ids of the conversations on the first page (up to 100) the query selects.</summary>
    public async Task<IReadOnlyList<Guid>> IdsAsync(string query = "")
    {
        var separator = query.Length == 0 ? "?" : "&";
        var page = await PageAsync($"{query}{separator}limit=100");
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
    }
}
