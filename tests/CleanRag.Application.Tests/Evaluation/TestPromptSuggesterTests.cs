using CleanRag.Application.Documents.Ingestion;
using CleanRag.Application.Evaluation.SuggestTestPrompts;

namespace CleanRag.Application.Tests.Evaluation;

public class TestPromptSuggesterTests
{
    private static readonly Guid Benefits = Guid.NewGuid();
    private static readonly Guid Handbook = Guid.NewGuid();

    private static TextBlock Heading(string text, int? page = null) => new(text, TextBlockKind.Heading, page, []);

    private static TextBlock Paragraph(string text, int? page = null) => new(text, TextBlockKind.Paragraph, page, []);

    private static SuggestionSource BenefitsGuide() => new(Benefits, "plus_benefits.md", new ExtractedDocument(
    [
        Heading("Vision", 2),
        Paragraph("The Plus plan covers one eye exam per year. Glasses are covered up to 150 dollars per year.", 2),
        Heading("Empty heading", 3),
        Heading("Dental", 3),
        Paragraph("Dental cleanings are twice a year at no cost.", 3),
    ], PageCount: 3));

    [Test]
    public void Headings_and_defining_sentences_become_questions_expecting_their_document_page_and_key_terms()
    {
        var suggestions = TestPromptSuggester.Suggest([BenefitsGuide()], limit: 10);

        suggestions.Select(s => s.Question).Should().Equal(
            "What does plus benefits say about Vision?",
            "What does the Plus plan cover?",
            "What does plus benefits say about Dental?",
            "What are Dental cleanings?");
        suggestions[1].Should().BeEquivalentTo(new
        {
            ExpectedDocumentId = Benefits, ExpectedDocument = "plus_benefits.md", ExpectedPage = 2, MustContain = new[] { "exam", "year" },
            Basis = "sentence on page 2",
        });
        suggestions[0].MustContain.Should().Equal("150", "Glasses");
        suggestions[0].ExpectedPage.Should().Be(2);
    }

    [Test]
    public void Documents_take_turns_up_to_the_limit_and_the_same_text_always_gives_the_same_suggestions()
    {
        var handbook = new SuggestionSource(Handbook, "handbook.md", new ExtractedDocument(
            [Heading("Leave"), Paragraph("Annual leave is 25 days for every employee.")], PageCount: null));

        var suggestions = TestPromptSuggester.Suggest([BenefitsGuide(), handbook], limit: 3);

        suggestions.Select(s => s.ExpectedDocumentId).Should().Equal(Benefits, Handbook, Benefits);
        suggestions[1].Should().Match<SuggestedTestPrompt>(s => s.Question == "What does handbook say about Leave?" && s.ExpectedPage == null);
        TestPromptSuggester.Suggest([BenefitsGuide(), handbook], limit: 3).Should().BeEquivalentTo(suggestions, o => o.WithStrictOrdering());
    }
}
