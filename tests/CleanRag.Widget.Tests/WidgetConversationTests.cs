using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CleanRag.Widget.Tests;

/// <summary>The visitor's whole loop through the widget, against the real service: ask, rate, escalate, hear back, come back.</summary>
public class WidgetConversationTests : BrowserTest
{
    private static Dashboard _project = null!;

    [OneTimeSetUp]
    public async Task CreateProjectAsync() => _project = await Dashboard.LiveProjectAsync(Dashboard.WidgetOn(WidgetHost.Pages.AllowedOrigin));

    private Task<WidgetPage> OpenSiteAsync() => NewPageAsync(TestPages.Url(WidgetHost.Pages.AllowedOrigin, _project.ProjectId));

    [Test]
    public async Task A_question_streams_an_answer_with_citation_links_and_a_thumbs_down_is_recorded()
    {
        var widget = await OpenSiteAsync();
        await widget.OpenAsync();
        // Records the answer's text each time the widget changes it, to see it arrive in pieces.
        await widget.Page.EvaluateAsync("""
            () => {
              window.__answerLengths = [];
              const log = document.getElementById('cleanrag-widget').shadowRoot.querySelector('[role=log]');
              new MutationObserver(() => {
                const answers = log.querySelectorAll('[data-role=assistant] .text');
                const last = answers[answers.length - 1];
                if (last) window.__answerLengths.push(last.textContent.length);
              }).observe(log, { subtree: true, childList: true, characterData: true });
            }
            """);

        await widget.AskAsync("How much of my glasses is covered?");
        var messageId = await widget.WaitForAnswerAsync();

        await Expect(widget.LastAnswer.GetByTestId("cleanrag-message-text")).ToContainTextAsync("Glasses are covered up to 150 dollars per year.");
        var lengths = await widget.Page.EvaluateAsync<int[]>("() => window.__answerLengths");
        lengths.Where(l => l > 0).Distinct().Should().HaveCountGreaterThan(2, "the answer is rendered as it streams, not at the end");
        await widget.ScreenshotAsync("widget-answer-with-citations");
        var citation = widget.LastAnswer.GetByRole(AriaRole.Link);
        await Expect(citation.First).ToContainTextAsync("benefits.md");
        (await citation.First.GetAttributeAsync("href")).Should().StartWith("http");

        await widget.LastAnswer.GetByRole(AriaRole.Button, new() { Name = "Not helpful" }).ClickAsync();

        await Expect(widget.LastAnswer.GetByRole(AriaRole.Button, new() { Name = "Not helpful" })).ToHaveAttributeAsync("aria-pressed", "true");
        var conversationId = await widget.StoredConversationIdAsync(_project.ProjectId);
        var history = await _project.EventsAsync(conversationId);
        var feedback = history.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "feedback_given");
        feedback.GetRawText().Should().Contain(messageId.ToString()).And.ContainEquivalentOf("\"helpful\":false");
    }

    [Test]
    public async Task On_a_plan_without_human_handoff_the_widget_does_not_offer_a_person()
    {
        var project = await Dashboard.LiveProjectAsync(Dashboard.WidgetOn(WidgetHost.Pages.AllowedOrigin));
        await project.PutOnPlanAsync("free");
        var widget = await NewPageAsync(TestPages.Url(WidgetHost.Pages.AllowedOrigin, project.ProjectId));
        await widget.OpenAsync();

        await widget.AskAsync("What about dental cleanings?");
        await widget.WaitForAnswerAsync();

        await Expect(widget.LastAnswer.GetByTestId("cleanrag-message-text")).ToContainTextAsync("Dental cleanings are covered twice a year.");
        await Expect(widget.Page.GetByTestId("cleanrag-escalate")).ToBeHiddenAsync();
    }

    [Test]
    public async Task Escalating_with_an_email_creates_a_lead_and_sends_the_new_lead_webhook()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await _project.SubscribeAsync(receiver.Url, "new_lead");
        var widget = await OpenSiteAsync();
        await widget.OpenAsync();
        await widget.AskAsync("What about dental cleanings?");
        await widget.WaitForAnswerAsync();

        await widget.Page.GetByRole(AriaRole.Button, new() { Name = "Talk to a person" }).ClickAsync();
        var form = widget.Page.GetByRole(AriaRole.Form, new() { Name = "Talk to a person" });
        await Expect(form.GetByLabel("Your email")).ToBeFocusedAsync();
        await form.GetByLabel("Your email").FillAsync("ada@example.com");
        await form.GetByLabel("Message (optional)").FillAsync("Can someone check my dental plan?");
        await widget.ScreenshotAsync("widget-escalation-form");
        await form.GetByRole(AriaRole.Button, new() { Name = "Send to the team" }).ClickAsync();

        await Expect(widget.Page.GetByTestId("cleanrag-escalated")).ToContainTextAsync("ada@example.com");
        var conversationId = await widget.StoredConversationIdAsync(_project.ProjectId);
        var lead = await receiver.WaitForAsync("new_lead");
        lead.Body.GetProperty("data").GetProperty("conversationId").GetGuid().Should().Be(conversationId);
        lead.Body.GetProperty("data").GetProperty("email").GetString().Should().Be("ada@example.com");
        (await _project.EventTypesAsync(conversationId)).Should().Contain("escalation_requested");
    }

    [Test]
    public async Task A_human_reply_from_the_dashboard_appears_in_the_open_widget_and_a_reload_restores_the_conversation()
    {
        var widget = await OpenSiteAsync();
        await widget.OpenAsync();
        await widget.AskAsync("How many eye exams does the Plus plan cover?");
        await widget.WaitForAnswerAsync();
        var conversationId = await widget.StoredConversationIdAsync(_project.ProjectId);

        await _project.ReplyAsync(conversationId, "Hi, this is Grace from Northwind: one exam a year, and I've booked yours.");

        // The page polls every 500 ms (data-poll-interval) while the panel is open.
        await Expect(widget.HumanReplies).ToHaveCountAsync(1);
        await Expect(widget.HumanReplies.First).ToContainTextAsync("I've booked yours");
        await widget.ScreenshotAsync("widget-human-reply");
        await Task.Delay(1500);
        await Expect(widget.HumanReplies).ToHaveCountAsync(1, new() { Timeout = 1 }); // merged by id: later polls add nothing

        await widget.Page.ReloadAsync();
        await widget.OpenAsync();

        await Expect(widget.Messages).ToHaveCountAsync(3);
        await Expect(widget.Messages.Nth(0)).ToContainTextAsync("How many eye exams does the Plus plan cover?");
        await Expect(widget.Messages.Nth(1)).ToHaveAttributeAsync("data-role", "assistant");
        await Expect(widget.Messages.Nth(1)).ToContainTextAsync("one eye exam per year");
        await Expect(widget.Messages.Nth(2)).ToContainTextAsync("I've booked yours");
        await widget.AskAsync("And glasses?");
        await widget.WaitForAnswerAsync();
        (await widget.StoredConversationIdAsync(_project.ProjectId)).Should().Be(conversationId, "the reopened page continues the conversation");
    }

    [Test]
    public async Task A_page_on_an_origin_the_project_does_not_allow_gets_no_answer()
    {
        var widget = await NewPageAsync(TestPages.Url(WidgetHost.Pages.ForeignOrigin, _project.ProjectId));
        var before = (await _project.ConversationsAsync()).Count;
        await widget.OpenAsync();

        await widget.AskAsync("How much of my glasses is covered?");

        await Expect(widget.Notice).ToHaveAttributeAsync("data-state", "unreachable");
        await Expect(widget.Answers).ToHaveCountAsync(0);
        (await widget.Page.EvaluateAsync<string?>($"() => localStorage.getItem('cleanrag:{_project.ProjectId}:conversation')")).Should().BeNull();
        (await _project.ConversationsAsync()).Should().HaveCount(before, "the refused question started no conversation");
    }

    [Test]
    public async Task The_bubble_opens_a_labelled_dialog_that_keeps_keyboard_focus_and_closes_with_escape()
    {
        var widget = await OpenSiteAsync();
        await Expect(widget.Bubble).ToHaveAttributeAsync("aria-expanded", "false");

        await widget.Bubble.FocusAsync();
        await widget.Page.Keyboard.PressAsync("Enter");

        await Expect(widget.Panel).ToBeVisibleAsync();
        await Expect(widget.Panel).ToHaveAttributeAsync("aria-modal", "true");
        await Expect(widget.Panel).ToHaveAccessibleNameAsync(new Regex(@"\S"));
        await Expect(widget.Bubble).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(widget.Input).ToBeFocusedAsync();
        await Expect(widget.Page.GetByRole(AriaRole.Log)).ToBeAttachedAsync();
        for (var i = 0; i < 6; i++)
        {
            await widget.Page.Keyboard.PressAsync("Tab");
            (await widget.Page.EvaluateAsync<bool>(
                "() => { const root = document.getElementById('cleanrag-widget').shadowRoot; return root.querySelector('[role=dialog]').contains(root.activeElement); }"))
                .Should().BeTrue("Tab stays inside the open dialog");
        }

        await widget.Page.Keyboard.PressAsync("Escape");

        await Expect(widget.Panel).ToBeHiddenAsync();
        await Expect(widget.Bubble).ToBeFocusedAsync();
    }

    [Test]
    public async Task The_panel_is_titled_with_the_project_name_from_the_widget_config()
    {
        var widget = await OpenSiteAsync();

        await widget.OpenAsync();

        await Expect(widget.Page.GetByRole(AriaRole.Dialog, new() { Name = "Northwind Optics" })).ToBeVisibleAsync();
        await Expect(widget.Notice).ToBeHiddenAsync();
    }
}
