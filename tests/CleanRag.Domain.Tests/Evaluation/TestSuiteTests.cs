using CleanRag.Domain.Common;
using CleanRag.Domain.Evaluation;

namespace CleanRag.Domain.Tests.Evaluation;

public class TestSuiteTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid ProjectId = Guid.NewGuid();

    private static TestSuite SuiteWith(int prompts)
    {
        var suite = new TestSuite();
        for (var i = 0; i < prompts; i++)
            suite.ApplyEvent(suite.Add(ProjectId, Guid.NewGuid(), $"Question {i}?", TestExpectation.None, Guid.NewGuid(), Now));
        return suite;
    }

    [Test]
    public void The_first_prompt_starts_the_projects_suite_under_the_id_derived_from_the_project()
    {
        var suite = new TestSuite();
        var added = suite.Add(ProjectId, Guid.NewGuid(), "  What does the Plus plan cover?  ", TestExpectation.Of(null, "benefits.md", 2, ["eye exam"], false),
            Guid.NewGuid(), Now);
        suite.ApplyEvent(added);

        added.SuiteId.Should().Be(TestSuiteIds.For(ProjectId)).And.NotBe(TestSuiteIds.For(Guid.NewGuid()));
        suite.Id.Should().Be(added.SuiteId);
        suite.Prompts.Should().ContainSingle().Which.Question.Should().Be("What does the Plus plan cover?");
    }

    [Test]
    public void A_project_keeps_at_most_500_prompts()
    {
        var suite = SuiteWith(TestSuite.MaxPrompts);

        suite.Invoking(s => s.Add(ProjectId, Guid.NewGuid(), "One more?", TestExpectation.None, Guid.NewGuid(), Now))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("too_many_prompts");
    }

    [TestCase("")]
    [TestCase("   ")]
    public void A_blank_question_is_refused(string question) =>
        new TestSuite().Invoking(s => s.Add(ProjectId, Guid.NewGuid(), question, TestExpectation.None, Guid.NewGuid(), Now))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("invalid_question");

    [Test]
    public void A_question_longer_than_1000_characters_is_refused() =>
        new TestSuite().Invoking(s => s.Add(ProjectId, Guid.NewGuid(), new string('q', 1_001), TestExpectation.None, Guid.NewGuid(), Now))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("invalid_question");

    [Test]
    public void Changing_replaces_a_prompt_in_place_and_removing_drops_it()
    {
        var suite = SuiteWith(3);
        var second = suite.Prompts[1];

        suite.ApplyEvent(suite.Change(second.Id, "Changed?", TestExpectation.Of(null, null, null, null, mustRefuse: true), Guid.NewGuid(), Now));
        suite.Prompts[1].Should().Be(new TestPrompt(second.Id, "Changed?", suite.Prompts[1].Expectation));
        suite.Prompts[1].Expectation.MustRefuse.Should().BeTrue();

        suite.ApplyEvent(suite.Remove(second.Id, Guid.NewGuid(), Now));
        suite.Prompts.Should().HaveCount(2).And.NotContain(p => p.Id == second.Id);
        suite.Invoking(s => s.Remove(second.Id, Guid.NewGuid(), Now)).Should().Throw<DomainRuleViolationException>()
            .Which.Code.Should().Be("prompt_not_found");
    }

    [Test]
    public void A_suite_takes_no_prompt_of_another_project() =>
        SuiteWith(1).Invoking(s => s.Add(Guid.NewGuid(), Guid.NewGuid(), "Elsewhere?", TestExpectation.None, Guid.NewGuid(), Now))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("wrong_project");
}

public class TestExpectationTests
{
    [Test]
    public void Words_are_trimmed_and_kept_once_ignoring_case() =>
        TestExpectation.Of(null, " benefits.md ", null, [" copay", "Copay", "", "eye exam"], false)
            .Should().BeEquivalentTo(new { DocumentName = "benefits.md", Words = new[] { "copay", "eye exam" }, MustRefuse = false });

    private static readonly Func<TestExpectation>[] RefusalsExpectingMore =
    [
        () => TestExpectation.Of(Guid.NewGuid(), null, null, null, mustRefuse: true),
        () => TestExpectation.Of(null, "benefits.md", null, null, mustRefuse: true),
        () => TestExpectation.Of(null, null, null, ["copay"], mustRefuse: true),
    ];

    [TestCaseSource(nameof(RefusalsExpectingMore))]
    public void A_prompt_that_must_refuse_expects_no_document_and_no_words(Func<TestExpectation> make) =>
        make.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("refusal_with_expectations");

    [Test]
    public void An_expected_page_needs_an_expected_document_and_starts_at_1()
    {
        FluentActions.Invoking(() => TestExpectation.Of(null, null, 3, null, false))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("page_without_document");
        FluentActions.Invoking(() => TestExpectation.Of(null, "benefits.md", 0, null, false))
            .Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("invalid_page");
        TestExpectation.Of(null, "benefits.md", 8, null, false).Page.Should().Be(8);
    }
}
