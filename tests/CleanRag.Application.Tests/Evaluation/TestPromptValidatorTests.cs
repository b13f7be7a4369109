using CleanRag.Application.Evaluation;
using CleanRag.Application.Evaluation.AddTestPrompt;
using CleanRag.Application.Evaluation.ChangeTestPrompt;
using CleanRag.Application.Evaluation.StartTestRun;

namespace CleanRag.Application.Tests.Evaluation;

public class TestPromptValidatorTests
{
    private static readonly Guid ProjectId = Guid.NewGuid();

    private static IEnumerable<string> Failures(AddTestPromptCommand command) =>
        new AddTestPromptCommandValidator().Validate(command).Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}");

    [Test]
    public void A_prompt_needs_a_question_of_at_most_1000_characters()
    {
        Failures(new AddTestPromptCommand(ProjectId, "  ")).Should().Equal("Question: question is required and must not be blank.");
        Failures(new AddTestPromptCommand(ProjectId, new string('q', 1_001))).Should().Equal("Question: question must be at most 1000 characters.");
        Failures(new AddTestPromptCommand(ProjectId, "What is covered?", ExpectedDocument: "benefits.md", ExpectedPage: 2, MustContain: ["copay"]))
            .Should().BeEmpty();
    }

    [Test]
    public void Must_refuse_excludes_a_document_and_words_and_a_page_needs_a_document()
    {
        Failures(new AddTestPromptCommand(ProjectId, "Capital of Peru?", ExpectedDocument: "benefits.md", MustRefuse: true))
            .Should().Equal("MustRefuse: mustRefuse excludes expectedDocumentId, expectedDocument, expectedPage and mustContain.");
        Failures(new AddTestPromptCommand(ProjectId, "Which page?", ExpectedPage: 0)).Should().BeEquivalentTo(
            "ExpectedPage: expectedPage must be 1 or more.", "ExpectedPage: expectedPage needs expectedDocumentId or expectedDocument.");
        Failures(new AddTestPromptCommand(ProjectId, "Words?", MustContain: ["ok", " "]))
            .Should().Equal("MustContain[1]: each mustContain entry must be non-blank and at most 200 characters.");
    }

    [Test]
    public void A_change_checks_the_expectation_only_when_it_replaces_it()
    {
        var validator = new ChangeTestPromptCommandValidator();

        validator.Validate(new ChangeTestPromptCommand(ProjectId, Guid.NewGuid(), null, ReplacesExpectation: false, ExpectedPage: 0))
            .IsValid.Should().BeTrue();
        validator.Validate(new ChangeTestPromptCommand(ProjectId, Guid.NewGuid(), null, ReplacesExpectation: true, ExpectedPage: 0))
            .IsValid.Should().BeFalse();
        validator.Validate(new ChangeTestPromptCommand(ProjectId, Guid.NewGuid(), "", ReplacesExpectation: false)).IsValid.Should().BeFalse();
    }

    [Test]
    public void A_run_validates_its_ad_hoc_prompts_and_its_size()
    {
        var validator = new StartTestRunCommandValidator();

        validator.Validate(new StartTestRunCommand(ProjectId, null, [new TestPromptInput("Fine?"), new TestPromptInput(" ")]))
            .Errors.Select(e => e.PropertyName).Should().Equal("Prompts[1].Question");
        validator.Validate(new StartTestRunCommand(ProjectId, [.. Enumerable.Range(0, 501).Select(_ => Guid.NewGuid())], null))
            .Errors.Select(e => e.ErrorMessage).Should().Equal("A test run runs at most 500 prompts.");
    }
}
