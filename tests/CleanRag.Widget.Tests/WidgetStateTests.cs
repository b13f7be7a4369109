using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CleanRag.Widget.Tests;

/// <summary>What the visitor sees when the answer cannot come: offline, rate limited, widget disabled, a stream that breaks.</summary>
public class WidgetStateTests : BrowserTest
{
    [Test]
    public async Task A_rate_limited_visitor_sees_the_services_friendly_message()
    {
        var project = await Dashboard.LiveProjectAsync(Dashboard.WidgetOn(WidgetHost.Pages.AllowedOrigin, perVisitorPerMinute: 1));
        var widget = await NewPageAsync(TestPages.Url(WidgetHost.Pages.AllowedOrigin, project.ProjectId));
        await widget.OpenAsync();
        await widget.AskAsync("How much of my glasses is covered?");
        await widget.WaitForAnswerAsync();

        await widget.AskAsync("And dental cleanings?");

        await Expect(widget.Notice).ToHaveAttributeAsync("data-state", "rate_limited");
        await Expect(widget.Notice).ToContainTextAsync("You're sending messages a little too quickly.");
        await Expect(widget.Notice).ToHaveAttributeAsync("role", "status");
        await Expect(widget.Answers).ToHaveCountAsync(1);
    }

    [Test]
    public async Task A_project_whose_widget_is_disabled_shows_that_chat_is_unavailable()
    {
        var project = await Dashboard.LiveProjectAsync(new { name = "No widget", allowedOrigins = new[] { WidgetHost.Pages.AllowedOrigin } });
        var widget = await NewPageAsync(TestPages.Url(WidgetHost.Pages.AllowedOrigin, project.ProjectId));

        // The widget's config answers 404 for a disabled widget, so the panel says so before any question.
        await widget.OpenAsync();

        await Expect(widget.Notice).ToHaveAttributeAsync("data-state", "disabled");
        await Expect(widget.Notice).ToHaveTextAsync("This chat is not available right now.");
        await Expect(widget.Input).ToBeDisabledAsync();
        await Expect(widget.Answers).ToHaveCountAsync(0);
    }

    [Test]
    public async Task An_offline_visitor_is_told_so_and_the_notice_clears_when_the_connection_returns()
    {
        var project = await SharedProjectAsync();
        var widget = await NewPageAsync(TestPages.Url(WidgetHost.Pages.AllowedOrigin, project.ProjectId));
        await widget.OpenAsync();

        await Context.SetOfflineAsync(true);
        await widget.AskAsync("How much of my glasses is covered?");

        await Expect(widget.Notice).ToHaveAttributeAsync("data-state", "offline");
        await Expect(widget.Input).ToHaveValueAsync("How much of my glasses is covered?", new() { Timeout = 1_000 });
        await Expect(widget.Messages).ToHaveCountAsync(0);

        await Context.SetOfflineAsync(false);
        await Expect(widget.Notice).ToBeHiddenAsync();
        await widget.Input.PressAsync("Enter");
        await widget.WaitForAnswerAsync();
    }

    [Test]
    public async Task A_stream_that_fails_midway_keeps_what_arrived_and_says_the_answer_was_interrupted()
    {
        var project = await SharedProjectAsync();
        var widget = await NewPageAsync(TestPages.Url(WidgetHost.Pages.AllowedOrigin, project.ProjectId));
        // The service's own mid-stream failures (a model that breaks off) need a remote model; the browser gets the same
        // bytes from this stand-in for /api/chat.
        await widget.Page.RouteAsync($"{WidgetHost.ApiBase.GetLeftPart(UriPartial.Authority)}/api/chat", route => route.FulfillAsync(new()
        {
            Status = 200,
            Headers = new Dictionary<string, string>
            {
                ["Access-Control-Allow-Origin"] = WidgetHost.Pages.AllowedOrigin,
                ["Access-Control-Allow-Headers"] = "Content-Type",
                ["Content-Type"] = "text/event-stream",
            },
            Body = route.Request.Method == "OPTIONS" ? "" :
                $"event: conversation_id\ndata: {Guid.NewGuid()}\n\nevent: token\ndata: {{\"text\":\"Glasses are covered \"}}\n\n" +
                "event: error\ndata: {\"error\":\"The language model failed to answer.\",\"code\":\"upstream_failed\",\"status\":502}\n\n",
        }));
        await widget.OpenAsync();

        await widget.AskAsync("How much of my glasses is covered?");

        await Expect(widget.Notice).ToHaveAttributeAsync("data-state", "error");
        await Expect(widget.LastAnswer).ToHaveAttributeAsync("data-state", "failed");
        await Expect(widget.LastAnswer).ToContainTextAsync("Glasses are covered");
        await Expect(widget.LastAnswer).ToContainTextAsync("The answer was interrupted.");
        await Expect(widget.LastAnswer.GetByRole(AriaRole.Button, new() { Name = "Not helpful" })).ToHaveCountAsync(0);
        await Expect(widget.Input).ToBeEnabledAsync();
    }

    private static readonly Lazy<Task<Dashboard>> Shared = new(() => Dashboard.LiveProjectAsync(Dashboard.WidgetOn(WidgetHost.Pages.AllowedOrigin)));

    private static Task<Dashboard> SharedProjectAsync() => Shared.Value;
}
