using CleanRag.Application.Chat.TestChat;
using CleanRag.Application.Common.Validation;
using CleanRag.Application.Documents.CreateUploadUrls;
using CleanRag.Application.Documents.UploadDocuments;
using CleanRag.Application.Projects;
using CleanRag.Application.Projects.CreateProject;

namespace CleanRag.Application.Tests.Common.Validation;

public class RequestInputGuardTests
{
    [TestCase("Support\0bot", "U+0000")]
    [TestCase("bell\u0007", "U+0007")]
    [TestCase("escape\u001b[31m", "U+001B")]
    [TestCase("delete\u007f", "U+007F")]
    [TestCase("c1\u0085", "U+0085")]
    public void A_control_character_in_any_string_is_refused_naming_the_field_and_the_character(string name, string character)
    {
        var problems = RequestInputGuard.FindProblems(new CreateProjectCommand(name, null));

        problems.Should().ContainKey("name").WhoseValue.Single().Should().Contain("control characters").And.Contain(character);
    }

    [Test]
    public void Tabs_and_line_breaks_are_text_and_pass()
    {
        RequestInputGuard.FindProblems(new CreateProjectCommand("Support bot", "Line one\r\nLine two\twith a tab")).Should().BeEmpty();
    }

    [Test]
    public void Strings_inside_nested_records_and_lists_are_checked_with_their_path()
    {
        var command = new CreateProjectCommand("Support", null, new ProjectSettingsInput(AllowedOrigins: ["https://a.example", "https://b\0.example"]));

        RequestInputGuard.FindProblems(command).Should().ContainKey("settings.allowedOrigins[1]");
    }

    [Test]
    public void A_null_entry_in_a_list_is_refused_before_any_validator_dereferences_it()
    {
        var command = new CreateUploadUrlsCommand(Guid.NewGuid(), [new PlannedUpload("a.txt", null), null!]);

        RequestInputGuard.FindProblems(command).Should().ContainKey("files[1]")
            .WhoseValue.Single().Should().Be("files must not contain null entries.");
    }

    [Test]
    public void An_unpaired_surrogate_is_refused_but_a_paired_one_is_text()
    {
        RequestInputGuard.FindProblems(new TestChatCommand(Guid.NewGuid(), "broken \ud83d here", null, null, null))
            .Should().ContainKey("question").WhoseValue.Single().Should().Contain("unpaired surrogate");
        RequestInputGuard.FindProblems(new TestChatCommand(Guid.NewGuid(), "Is 👓 covered?", null, null, null)).Should().BeEmpty();
    }

    [Test]
    public void A_string_longer_than_the_backstop_is_refused_whatever_the_field()
    {
        var huge = new string('x', RequestInputGuard.MaxTextLength + 1);

        RequestInputGuard.FindProblems(new TestChatCommand(Guid.NewGuid(), "question", null, huge, null)).Should().ContainKey("sessionId");
    }

    [Test]
    public void Opaque_values_such_as_stream_factories_are_not_walked()
    {
        var command = new UploadDocumentsCommand(Guid.NewGuid(), [new IncomingFile("a.txt", "text/plain", 3, () => new MemoryStream([0, 0, 0]))]);

        RequestInputGuard.FindProblems(command).Should().BeEmpty();
    }
}
