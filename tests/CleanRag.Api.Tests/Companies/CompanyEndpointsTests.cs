using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CleanRag.Api.Tests.Companies;

public class CompanyEndpointsTests
{
    [Test]
    public async Task The_creator_of_a_company_is_its_owner()
    {
        var owner = await TestActors.NewOwnerAsync("Contoso");

        var me = await owner.Client.GetFromJsonAsync<JsonElement>("/v1/auth/me");
        var company = await owner.Client.GetFromJsonAsync<JsonElement>("/v1/companies/me");

        me.GetProperty("companyId").GetGuid().Should().Be(owner.CompanyId);
        me.GetProperty("role").GetString().Should().Be("owner");
        company.GetProperty("name").GetString().Should().Be("Contoso");
        company.GetProperty("memberCount").GetInt32().Should().Be(1);
    }

    [Test]
    public async Task A_user_with_a_company_cannot_create_another()
    {
        var owner = await TestActors.NewOwnerAsync();

        var response = await owner.Client.PostAsJsonAsync("/v1/companies", new { name = "Second" });

        await response.ShouldBeErrorAsync(HttpStatusCode.Conflict, "already_in_company");
    }

    [Test]
    public async Task A_user_without_a_company_is_told_to_create_or_join_one()
    {
        var loner = await TestActors.SignUpAsync();

        await (await loner.Client.GetAsync("/v1/companies/me")).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "no_company");
    }

    [Test]
    public async Task Members_read_the_company_and_only_admins_change_it()
    {
        var owner = await TestActors.NewOwnerAsync();
        var member = await TestActors.JoinAsync(owner, "member");
        var admin = await TestActors.JoinAsync(owner, "admin");

        (await member.Client.GetAsync("/v1/companies/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await member.Client.PatchAsJsonAsync("/v1/companies/me", new { name = "Hijacked" }))
            .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        var renamed = await admin.Client.PatchAsJsonAsync("/v1/companies/me", new { name = "Renamed" });

        renamed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString().Should().Be("Renamed");
    }

    [Test]
    public async Task Workspace_settings_are_validated_and_admin_only()
    {
        var owner = await TestActors.NewOwnerAsync();
        var member = await TestActors.JoinAsync(owner, "member");

        var invalid = await owner.Client.PatchAsJsonAsync("/v1/companies/settings",
            new { allowedOrigins = new[] { "https://ok.example.com", "example.com/path" }, dataRetentionDays = 0 });
        var body = await invalid.ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
        body.GetProperty("errors").TryGetProperty("allowedOrigins", out _).Should().BeTrue();
        body.GetProperty("errors").TryGetProperty("dataRetentionDays", out _).Should().BeTrue();

        await (await member.Client.PatchAsJsonAsync("/v1/companies/settings", new { systemPrompt = "x" }))
            .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "forbidden");

        var updated = await owner.Client.PatchAsJsonAsync("/v1/companies/settings",
            new { allowedOrigins = new[] { "https://help.example.com", "http://localhost:3000" }, systemPrompt = "Be brief." });
        updated.StatusCode.Should().Be(HttpStatusCode.OK);
        var settings = await member.Client.GetFromJsonAsync<JsonElement>("/v1/companies/settings");
        settings.GetProperty("allowedOrigins").EnumerateArray().Select(o => o.GetString())
            .Should().Equal("https://help.example.com", "http://localhost:3000");
        settings.GetProperty("systemPrompt").GetString().Should().Be("Be brief.");
        settings.GetProperty("dataRetentionDays").GetInt32().Should().Be(365);
    }

    [Test]
    public async Task The_team_list_shows_members_and_pending_invites()
    {
        var owner = await TestActors.NewOwnerAsync();
        var admin = await TestActors.JoinAsync(owner, "admin");
        var pending = TestActors.NewEmail();
        (await owner.Client.PostAsJsonAsync("/v1/companies/users/invite", new { email = pending, role = "member" })).EnsureSuccessStatusCode();

        var team = (await admin.Client.GetFromJsonAsync<JsonElement>("/v1/companies/users")).EnumerateArray().ToList();

        team.Should().HaveCount(3);
        team.Single(t => t.GetProperty("id").GetGuid() == owner.UserId).GetProperty("role").GetString().Should().Be("owner");
        team.Single(t => t.GetProperty("id").GetGuid() == admin.UserId).GetProperty("role").GetString().Should().Be("admin");
        team.Single(t => t.GetProperty("email").GetString() == pending).GetProperty("status").GetString().Should().Be("invited");
    }

    [Test]
    public async Task Inviting_needs_admin_and_inviting_an_owner_needs_an_owner()
    {
        var owner = await TestActors.NewOwnerAsync();
        var admin = await TestActors.JoinAsync(owner, "admin");
        var member = await TestActors.JoinAsync(owner, "member");

        await (await member.Client.PostAsJsonAsync("/v1/companies/users/invite", new { email = TestActors.NewEmail(), role = "member" }))
            .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await admin.Client.PostAsJsonAsync("/v1/companies/users/invite", new { email = TestActors.NewEmail(), role = "owner" }))
            .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        (await owner.Client.PostAsJsonAsync("/v1/companies/users/invite", new { email = TestActors.NewEmail(), role = "owner" }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        await (await owner.Client.PostAsJsonAsync("/v1/companies/users/invite", new { email = "bad", role = "member" }))
            .ShouldBeErrorAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Test]
    public async Task Inviting_a_member_or_someone_of_another_company_is_a_conflict()
    {
        var owner = await TestActors.NewOwnerAsync();
        var member = await TestActors.JoinAsync(owner, "member");
        var stranger = await TestActors.NewOwnerAsync("Other Co");

        await (await owner.Client.PostAsJsonAsync("/v1/companies/users/invite", new { email = member.Email, role = "member" }))
            .ShouldBeErrorAsync(HttpStatusCode.Conflict, "already_member");
        await (await owner.Client.PostAsJsonAsync("/v1/companies/users/invite", new { email = stranger.Email, role = "member" }))
            .ShouldBeErrorAsync(HttpStatusCode.Conflict, "member_of_another_company");
    }

    [Test]
    public async Task A_resent_invite_replaces_the_old_token()
    {
        var owner = await TestActors.NewOwnerAsync();
        var email = TestActors.NewEmail();
        var invite = await (await owner.Client.PostAsJsonAsync("/v1/companies/users/invite", new { email, role = "admin" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var oldToken = await TestActors.InviteTokenForAsync(email);

        (await owner.Client.PostAsync($"/v1/companies/users/{invite.GetProperty("inviteId").GetGuid()}/resend-invite", null))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var newToken = await TestActors.InviteTokenForAsync(email);
        var invited = await TestActors.SignUpAsync(email);

        newToken.Should().NotBe(oldToken);
        await (await invited.Client.PostAsync($"/v1/invites/{oldToken}/accept", null)).ShouldBeErrorAsync(HttpStatusCode.NotFound, "invite_not_found");
        var accepted = await invited.Client.PostAsync($"/v1/invites/{newToken}/accept", null);
        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString().Should().Be("admin");
    }

    [Test]
    public async Task An_invite_is_accepted_only_by_its_email_and_only_once()
    {
        var owner = await TestActors.NewOwnerAsync();
        var email = TestActors.NewEmail();
        (await owner.Client.PostAsJsonAsync("/v1/companies/users/invite", new { email, role = "member" })).EnsureSuccessStatusCode();
        var token = await TestActors.InviteTokenForAsync(email);
        var someoneElse = await TestActors.SignUpAsync();
        var invited = await TestActors.SignUpAsync(email);

        await (await someoneElse.Client.PostAsync($"/v1/invites/{token}/accept", null)).ShouldBeErrorAsync(HttpStatusCode.NotFound, "invite_not_found");
        (await invited.Client.PostAsync($"/v1/invites/{token}/accept", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        await (await invited.Client.PostAsync($"/v1/invites/{token}/accept", null)).ShouldBeErrorAsync(HttpStatusCode.NotFound, "invite_not_found");
    }

    [Test]
    public async Task Someone_elses_invite_answers_exactly_like_an_unknown_token_so_its_validity_never_leaks()
    {
        var owner = await TestActors.NewOwnerAsync();
        var email = TestActors.NewEmail();
        (await owner.Client.PostAsJsonAsync("/v1/companies/users/invite", new { email, role = "member" })).EnsureSuccessStatusCode();
        var token = await TestActors.InviteTokenForAsync(email);
        var stranger = await TestActors.SignUpAsync();
        var memberElsewhere = await TestActors.NewOwnerAsync("Contoso");
        var unknownToken = await (await stranger.Client.PostAsync($"/v1/invites/{Guid.NewGuid():N}/accept", null))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "invite_not_found");

        foreach (var caller in new[] { stranger, memberElsewhere })
        {
            var answer = await (await caller.Client.PostAsync($"/v1/invites/{token}/accept", null)).ShouldBeErrorAsync(HttpStatusCode.NotFound, "invite_not_found");
            answer.WithoutTraceId().Should().Be(unknownToken.WithoutTraceId());
        }

        var invited = await TestActors.SignUpAsync(email);
        (await invited.Client.PostAsync($"/v1/invites/{token}/accept", null)).StatusCode.Should().Be(HttpStatusCode.OK, "the attempts did not use up the invite");
    }

    [Test]
    public async Task Only_the_person_invited_hears_that_they_already_belong_to_a_company()
    {
        var owner = await TestActors.NewOwnerAsync();
        var email = TestActors.NewEmail();
        (await owner.Client.PostAsJsonAsync("/v1/companies/users/invite", new { email, role = "member" })).EnsureSuccessStatusCode();
        var token = await TestActors.InviteTokenForAsync(email);
        var invited = await TestActors.SignUpAsync(email);
        (await invited.Client.PostAsJsonAsync("/v1/companies", new { name = "Contoso" })).EnsureSuccessStatusCode(); // after being invited

        await (await invited.Client.PostAsync($"/v1/invites/{token}/accept", null)).ShouldBeErrorAsync(HttpStatusCode.Conflict, "already_in_company");
    }

    [Test]
    public async Task A_role_change_takes_effect_on_the_next_request()
    {
        var owner = await TestActors.NewOwnerAsync();
        var member = await TestActors.JoinAsync(owner, "member");
        await (await member.Client.PatchAsJsonAsync("/v1/companies/me", new { name = "X" })).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "forbidden");

        (await owner.Client.PatchAsJsonAsync($"/v1/companies/users/{member.UserId}", new { role = "admin" })).StatusCode.Should().Be(HttpStatusCode.OK);

        (await member.Client.PatchAsJsonAsync("/v1/companies/me", new { name = "X" })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task Only_owners_change_owners_and_the_last_owner_stays()
    {
        var owner = await TestActors.NewOwnerAsync();
        var admin = await TestActors.JoinAsync(owner, "admin");

        await (await admin.Client.PatchAsJsonAsync($"/v1/companies/users/{owner.UserId}", new { role = "member" }))
            .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await admin.Client.PatchAsJsonAsync($"/v1/companies/users/{admin.UserId}", new { role = "owner" }))
            .ShouldBeErrorAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await owner.Client.PatchAsJsonAsync($"/v1/companies/users/{owner.UserId}", new { role = "admin" }))
            .ShouldBeErrorAsync(HttpStatusCode.Conflict, "last_owner");
        await (await owner.Client.DeleteAsync($"/v1/companies/users/{owner.UserId}"))
            .ShouldBeErrorAsync(HttpStatusCode.Conflict, "last_owner");

        // With a second owner, the first may step down.
        (await owner.Client.PatchAsJsonAsync($"/v1/companies/users/{admin.UserId}", new { role = "owner" })).StatusCode.Should().Be(HttpStatusCode.OK);
        (await owner.Client.PatchAsJsonAsync($"/v1/companies/users/{owner.UserId}", new { role = "member" })).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task A_removed_member_loses_access_at_once()
    {
        var owner = await TestActors.NewOwnerAsync();
        var member = await TestActors.JoinAsync(owner, "member");
        (await member.Client.GetAsync("/v1/companies/me")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await owner.Client.DeleteAsync($"/v1/companies/users/{member.UserId}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        await (await member.Client.GetAsync("/v1/companies/me")).ShouldBeErrorAsync(HttpStatusCode.Forbidden, "no_company");
    }

    [Test]
    public async Task Deleting_a_pending_invite_cancels_it()
    {
        var owner = await TestActors.NewOwnerAsync();
        var email = TestActors.NewEmail();
        var invite = await (await owner.Client.PostAsJsonAsync("/v1/companies/users/invite", new { email, role = "member" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var token = await TestActors.InviteTokenForAsync(email);

        (await owner.Client.DeleteAsync($"/v1/companies/users/{invite.GetProperty("inviteId").GetGuid()}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        var invited = await TestActors.SignUpAsync(email);
        await (await invited.Client.PostAsync($"/v1/invites/{token}/accept", null)).ShouldBeErrorAsync(HttpStatusCode.NotFound, "invite_not_found");
    }

    [Test]
    public async Task Team_routes_of_another_company_answer_404()
    {
        var owner = await TestActors.NewOwnerAsync();
        var stranger = await TestActors.NewOwnerAsync("Other Co");

        await (await stranger.Client.PatchAsJsonAsync($"/v1/companies/users/{owner.UserId}", new { role = "member" }))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "user_not_found");
        await (await stranger.Client.DeleteAsync($"/v1/companies/users/{owner.UserId}"))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "user_not_found");
        await (await stranger.Client.PostAsync($"/v1/companies/users/{owner.UserId}/resend-invite", null))
            .ShouldBeErrorAsync(HttpStatusCode.NotFound, "invite_not_found");
    }
}
