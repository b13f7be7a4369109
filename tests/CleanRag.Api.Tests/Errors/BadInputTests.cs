using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CleanRag.Api.Tests.Documents;
using CleanRag.Api.Tests.PublicChat;

namespace CleanRag.Api.Tests.Errors;

/// <summary>
/// Requests an attacker's fuzzer sent, each of which once answered 500. Every one must be a 400 in the error shape,
/// and nothing of it may be stored.
/// </summary>
public class BadInputTests
{
    private const string Nul = "\u0000";

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Test]
    public async Task A_nul_character_in_a_signup_is_refused()
    {
        var response = await TestActors.Anonymous().PostAsJsonAsync("/v1/auth/signup",
            new { email = TestActors.NewEmail(), password = TestActors.Password, name = $"Ada{Nul}" });

        var body = await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        body.GetProperty("errors").GetProperty("name")[0].GetString().Should().Contain("control characters");
    }

    [Test]
    public async Task A_nul_character_in_a_company_project_settings_or_key_name_is_refused()
    {
        var owner = await TestActors.SignUpAsync();
        (await owner.Client.PostAsJsonAsync("/v1/companies", new { name = $"North{Nul}wind" }))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await owner.Client.PostAsJsonAsync("/v1/companies", new { name = "Northwind" })).EnsureSuccessStatusCode();

        await (await owner.Client.PostAsJsonAsync("/v1/projects", new { name = $"Support{Nul}" }))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await owner.Client.PatchAsJsonAsync("/v1/companies/settings", new { systemPrompt = $"Be kind{Nul}" }))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        var documents = await DocumentApi.NewProjectAsync(owner);
        await (await owner.Client.PostAsJsonAsync($"/v1/projects/{documents.ProjectId}/keys", new { name = $"ci{Nul}", environment = "test" }))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task A_nul_character_in_a_question_session_or_feedback_comment_is_refused_and_nothing_is_recorded()
    {
        var project = await LiveProject.CreateAsync();

        await (await project.AskAsync(new { question = $"What about glasses?{Nul}" })).ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await project.AskAsync(new { question = "What about glasses?", sessionId = $"s{Nul}" }))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await project.Owner.Client.PostAsJsonAsync($"/v1/projects/{project.ProjectId}/chat", new { question = $"Glasses?{Nul}" }))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        var answer = await project.AnswerAsync(new { question = "What about glasses?" });
        await (await project.KeyClient().PostAsJsonAsync("/v1/chat/feedback", new
            {
                conversationId = answer.GetProperty("conversationId").GetGuid(), messageId = answer.GetProperty("messageId").GetGuid(),
                helpful = false, comment = $"wrong{Nul}",
            }))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");

        var conversations = await project.Owner.Client.GetFromJsonAsync<JsonElement>($"/v1/projects/{project.ProjectId}/conversations");
        conversations.GetArrayLength().Should().Be(1, "only the clean question was recorded");
    }

    [Test]
    public async Task A_nul_character_in_a_widget_message_is_refused_before_anything_streams()
    {
        var project = await LiveProject.CreateAsync();

        var response = await project.WidgetAsync(new { project_id = project.ProjectId, message = $"Glasses?{Nul}" });

        await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task A_null_email_in_a_signup_or_an_invite_is_a_validation_failure()
    {
        (await TestActors.Anonymous().PostAsync("/v1/auth/signup", Json("""{"email":null,"password":"correct horse battery staple","name":"Ada"}""")))
            .StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var owner = await TestActors.NewOwnerAsync();

        var invite = await owner.Client.PostAsync("/v1/companies/users/invite", Json("""{"email":null,"role":"member"}"""));

        var body = await invite.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        body.GetProperty("errors").GetProperty("email")[0].GetString().Should().Be("email is required.");
    }

    [Test]
    public async Task A_null_entry_in_a_bulk_upload_is_a_validation_failure_naming_it()
    {
        var documents = await DocumentApi.NewProjectAsync();

        var response = await documents.Actor.Client.PostAsync(documents.Route("/bulk-upload-url"), Json("""{"files":[null]}"""));

        var body = await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        body.GetProperty("errors").GetProperty("files[0]")[0].GetString().Should().Be("files must not contain null entries.");
    }

    [TestCase("/v1/projects/{0}/conversations?page=2147483647&pageSize=200")]
    [TestCase("/v1/activity?page=2147483647&pageSize=200")]
    public async Task A_page_whose_offset_would_overflow_is_a_validation_failure(string route)
    {
        var documents = await DocumentApi.NewProjectAsync();

        var response = await documents.Actor.Client.GetAsync(string.Format(route, documents.ProjectId));

        var body = await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        body.GetProperty("errors").GetProperty("page")[0].GetString().Should().Be("page must be between 1 and 10000.");
    }

    [TestCase("text/plain\r\nX-Injected: 1", TestName = "A content type with a header injection is refused")]
    [TestCase("text/plaîn", TestName = "A non-ASCII content type is refused")]
    [TestCase(null, TestName = "A megabyte of content type is refused")]
    public async Task A_content_type_that_is_not_a_media_type_is_refused_at_upload_url_time(string? contentType)
    {
        var documents = await DocumentApi.NewProjectAsync();
        contentType ??= "text/" + new string('x', 1024 * 1024);

        var response = await documents.Actor.Client.PostAsJsonAsync(documents.Route("/upload-url"), new { filename = "notes.txt", contentType });

        var body = await response.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        body.ToString().Length.Should().BeLessThan(1024, "the refused value is not echoed back");
        (await documents.ListAsync()).Should().BeEmpty();
    }

    [Test]
    public async Task A_megabyte_session_or_visitor_id_is_refused_on_test_chat()
    {
        var project = await LiveProject.CreateAsync();
        var huge = new string('s', 1024 * 1024);

        foreach (var body in new object[] { new { question = "Glasses?", sessionId = huge }, new { question = "Glasses?", visitorId = huge } })
        {
            await (await project.Owner.Client.PostAsJsonAsync($"/v1/projects/{project.ProjectId}/chat", body))
                .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        }
    }
}
