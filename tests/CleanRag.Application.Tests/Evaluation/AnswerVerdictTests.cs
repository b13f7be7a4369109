using CleanRag.Application.Evaluation;
using CleanRag.Domain.Evaluation;

namespace CleanRag.Application.Tests.Evaluation;

public class AnswerVerdictTests
{
    private static readonly Guid Benefits = Guid.NewGuid();
    private static readonly Guid Handbook = Guid.NewGuid();

    private static readonly Dictionary<Guid, string> FileNames = new()
    {
        [Benefits] = "Northwind_Standard_Benefits_Details.pdf",
        [Handbook] = "Employee_Handbook.pdf",
    };

    private static RunSource Source(Guid document, int? page, int? pageEnd = null) =>
        new(document, FileNames[document], page, pageEnd);

    private static AnswerVerdict Judge(TestExpectation expected, string answer = "The copay is 30 dollars [1].", string outcome = "answered",
        RunSource[]? sources = null) => AnswerVerdict.Judge(expected, answer, outcome, sources ?? [], FileNames);

    [Test]
    public void The_expected_document_cited_on_the_expected_page_passes()
    {
        var verdict = Judge(TestExpectation.Of(Benefits, null, 8, null, false), sources: [Source(Handbook, 3), Source(Benefits, 8)]);

        verdict.Passed.Should().BeTrue();
        verdict.Reasons.Should().BeEmpty();
    }

    [Test]
    public void A_source_whose_pages_span_the_expected_page_passes() =>
        Judge(TestExpectation.Of(Benefits, null, 8, null, false), sources: [Source(Benefits, 7, 9)]).Passed.Should().BeTrue();

    [Test]
    public void The_expected_document_on_other_pages_fails_naming_the_pages_cited()
    {
        var verdict = Judge(TestExpectation.Of(null, "Northwind_Standard_Benefits_Details.pdf", 8, null, false),
            sources: [Source(Benefits, 7), Source(Benefits, 9, 10)]);

        verdict.Passed.Should().BeFalse();
        verdict.Reasons.Should().Equal("expected Northwind_Standard_Benefits_Details.pdf page 8; cited pages 7, 9–10");
    }

    [Test]
    public void Another_document_than_the_expected_one_fails_naming_what_was_cited() =>
        Judge(TestExpectation.Of(Benefits, null, null, null, false), sources: [Source(Handbook, 2)]).Reasons
            .Should().Equal("expected Northwind_Standard_Benefits_Details.pdf; cited Employee_Handbook.pdf");

    [TestCase("northwind_standard_benefits_details.PDF")]
    [TestCase("Northwind_Standard_Benefits_Details")]
    public void A_document_named_by_file_name_matches_ignoring_case_and_extension(string name) =>
        Judge(TestExpectation.Of(null, name, null, null, false), sources: [Source(Benefits, 1)]).Passed.Should().BeTrue();

    [Test]
    public void Each_missing_word_or_phrase_is_a_reason_and_case_does_not_matter()
    {
        var verdict = Judge(TestExpectation.Of(null, null, null, ["COPAY", "deductible", "per visit"], false), sources: [Source(Benefits, 1)]);

        verdict.Passed.Should().BeFalse();
        verdict.Reasons.Should().Equal("missing word 'deductible'", "missing phrase 'per visit'");
    }

    [Test]
    public void A_prompt_that_must_refuse_passes_only_without_an_answer_or_sources()
    {
        var refuse = TestExpectation.Of(null, null, null, null, mustRefuse: true);

        Judge(refuse, "I couldn't find that in the documents.", "unanswered").Passed.Should().BeTrue();
        Judge(refuse, sources: [Source(Benefits, 1)]).Reasons.Should().Equal("answered but should refuse");
    }

    [Test]
    public void A_refusal_fails_a_prompt_that_expects_an_answer() =>
        Judge(TestExpectation.Of(Benefits, null, null, null, false), "I couldn't find that in the documents.", "unanswered").Reasons
            .Should().Equal("did not answer (unanswered) but should", "expected Northwind_Standard_Benefits_Details.pdf; cited nothing");

    [Test]
    public void Without_expectations_an_answer_passes() => Judge(TestExpectation.None, sources: [Source(Handbook, 1)]).Passed.Should().BeTrue();
}
