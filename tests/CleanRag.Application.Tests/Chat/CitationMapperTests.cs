using CleanRag.Application.Chat.Answering;
using CleanRag.Application.Search;

namespace CleanRag.Application.Tests.Chat;

public class CitationMapperTests
{
    private static readonly Guid Handbook = Guid.NewGuid();
    private static readonly Guid Policy = Guid.NewGuid();

    [Test]
    public void Each_citation_names_the_passage_with_its_document_pages_and_score()
    {
        IReadOnlyList<SearchHit> passages =
        [
            Hit(Handbook, "handbook.pdf", "Glasses are covered once a year.", 0.912345, pageStart: 3, pageEnd: 4),
            Hit(Policy, "policy.docx", "Dental is not covered.", 0.5, pageStart: null, pageEnd: null),
        ];

        var sources = CitationMapper.Map("Glasses are covered [1]; dental is not [2].", passages);

        sources.Should().HaveCount(2);
        sources[0].Should().Match<Domain.Conversations.CitedSource>(s => s.Number == 1 && s.DocumentId == Handbook && s.Title == "handbook.pdf"
            && s.Excerpt == "Glasses are covered once a year." && s.PageNumber == 3 && s.PageEnd == 4 && s.Score == 0.9123);
        sources[1].Should().Match<Domain.Conversations.CitedSource>(s => s.Number == 2 && s.DocumentId == Policy && s.PageNumber == null
            && s.PageEnd == null);
    }

    [Test]
    public void A_passage_over_two_pages_cites_the_page_of_the_sentence_the_answer_used()
    {
        const string text = "Glasses are covered once a year.\n\nContact lenses are covered instead of glasses, up to $150.";
        var chunk = new IndexedChunk("c", Handbook, 1, "handbook.pdf", text, null, 3, 4, 0, text.Length, ReadOnlyMemory<float>.Empty,
            [new PageBreak(text.IndexOf("Contact", StringComparison.Ordinal), 4)]);

        var extractive = CitationMapper.Map("Contact lenses are covered instead of glasses, up to $150. [1]", [new SearchHit(chunk, 0.9, null, null)]);
        var paraphrased = CitationMapper.Map("You can get contact lenses instead of glasses, up to $150 [1].", [new SearchHit(chunk, 0.9, null, null)]);
        var firstPage = CitationMapper.Map("Glasses are covered once a year [1].", [new SearchHit(chunk, 0.9, null, null)]);

        extractive.Single().Should().Match<Domain.Conversations.CitedSource>(s => s.PageNumber == 4 && s.PageStart == 3 && s.PageEnd == 4);
        paraphrased.Single().PageNumber.Should().Be(4);
        firstPage.Single().PageNumber.Should().Be(3);
    }

    [Test]
    public void A_passage_indexed_without_page_breaks_cites_its_first_page()
    {
        var sources = CitationMapper.Map("Contact lenses are covered [1].",
            [Hit(Handbook, "handbook.pdf", "Glasses are covered. Contact lenses are covered.", 0.9, pageStart: 3, pageEnd: 4)]);

        sources.Single().Should().Match<Domain.Conversations.CitedSource>(s => s.PageNumber == 3 && s.PageStart == 3 && s.PageEnd == 4);
    }

    [Test]
    public void Sources_follow_the_order_of_first_mention_once_each()
    {
        var passages = Passages(3);

        CitationMapper.Map("First [3], then [1], again [3] and [1].", passages).Select(s => s.Number).Should().Equal(3, 1);
    }

    [Test]
    public void Numbers_that_name_no_passage_are_ignored()
    {
        var passages = Passages(2);

        CitationMapper.Map("Made up [0] and [7], real [2].", passages).Select(s => s.Number).Should().Equal(2);
    }

    [Test]
    public void An_answer_without_citations_has_no_sources() =>
        CitationMapper.Map("Yes, glasses are covered.", Passages(2)).Should().BeEmpty();

    [Test]
    public void A_long_passage_is_excerpted_at_a_word_boundary()
    {
        var text = string.Join(' ', Enumerable.Repeat("coverage", 60));

        var excerpt = CitationMapper.Map("[1]", [Hit(Handbook, "handbook.pdf", text, 0.9)]).Single().Excerpt;

        excerpt.Should().EndWith("coverage…");
        excerpt.Length.Should().BeLessThanOrEqualTo(CitationMapper.ExcerptLength + 1);
        text.Should().StartWith(excerpt.TrimEnd('…'));
    }

    [Test]
    public void A_long_passage_without_spaces_is_excerpted_mid_word()
    {
        var text = new string('x', 400);

        var excerpt = CitationMapper.Map("[1]", [Hit(Handbook, "handbook.pdf", text, 0.9)]).Single().Excerpt;

        excerpt.Should().Be(new string('x', CitationMapper.ExcerptLength) + "…");
    }

    private static IReadOnlyList<SearchHit> Passages(int count) =>
        Enumerable.Range(1, count).Select(n => Hit(Guid.NewGuid(), $"doc-{n}.txt", $"Passage {n}.", 0.9 - n / 10.0)).ToList();

    internal static SearchHit Hit(Guid documentId, string title, string text, double score, int? pageStart = 1, int? pageEnd = 1) =>
        new(new IndexedChunk($"{documentId:N}-0", documentId, 1, title, text, null, pageStart, pageEnd, 0, text.Length, ReadOnlyMemory<float>.Empty),
            score, null, null);
}
