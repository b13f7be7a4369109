using CleanRag.Application.Chat.Answering;
using CleanRag.Application.Search;
using CleanRag.Domain.Conversations;

namespace CleanRag.Application.Tests.Chat;

public class ConfidenceScoreTests
{
    [Test]
    public void Confidence_averages_the_best_passage_and_the_best_cited_passage()
    {
        IReadOnlyList<SearchHit> passages = [Hit(0.9), Hit(0.4)];

        ConfidenceScore.Of(passages, [Source(2, 0.4)]).Should().Be(0.65);
        ConfidenceScore.Of(passages, [Source(1, 0.9), Source(2, 0.4)]).Should().Be(0.9);
    }

    [Test]
    public void An_answer_that_cites_nothing_has_no_confidence() =>
        ConfidenceScore.Of([Hit(0.9)], []).Should().Be(0);

    [Test]
    public void Scores_outside_zero_to_one_are_clamped()
    {
        ConfidenceScore.Of([Hit(3.2)], [Source(1, 3.2)]).Should().Be(1);
        ConfidenceScore.Of([Hit(-0.5)], [Source(1, -0.5)]).Should().Be(0);
    }

    [Test]
    public void Confidence_is_rounded_to_three_decimals() =>
        ConfidenceScore.Of([Hit(0.12345)], [Source(1, 0.12345)]).Should().Be(0.123);

    [TestCase(0.5, 0.5, true)]
    [TestCase(0.49, 0.5, false)]
    [TestCase(0.0, 0.0, true)]
    public void An_answer_is_supported_from_the_projects_threshold_up(double confidence, double minimumRelevance, bool supported) =>
        ConfidenceScore.Supports([Source(1, 0.9)], confidence, minimumRelevance).Should().Be(supported);

    [Test]
    public void An_answer_without_sources_is_never_supported() =>
        ConfidenceScore.Supports([], 1.0, 0.0).Should().BeFalse();

    private static SearchHit Hit(double score) => CitationMapperTests.Hit(Guid.NewGuid(), "doc.txt", "A passage.", score);

    private static CitedSource Source(int number, double score) => new(number, Guid.NewGuid(), "doc.txt", "A passage.", 1, score);
}
