using CleanRag.Application.Search;
using CleanRag.Application.Search.Reranking;

namespace CleanRag.Application.Tests.Search.Reranking;

public class LexicalMmrRerankerTests
{
    private static readonly LexicalMmrReranker Reranker = new();

    private static SearchHit Hit(string id, string text, double fusedScore, string title = "Employee handbook") => new(
        new IndexedChunk(id, Guid.Empty, 1, title, text, null, null, null, 0, text.Length, ReadOnlyMemory<float>.Empty),
        fusedScore, new SignalScore(1, fusedScore), null);

    [Test]
    public async Task A_chunk_that_contains_the_query_terms_moves_above_better_fused_chunks_that_do_not()
    {
        SearchHit[] candidates =
        [
            Hit("vision", "Vision coverage includes one eye exam per year.", 0.032),
            Hit("parking", "Parking permits are issued by the front office.", 0.031),
            Hit("dental", "Dental coverage includes two cleanings per year.", 0.016),
        ];

        var reranked = await Reranker.RerankAsync("What dental coverage do we get?", candidates, 3, CancellationToken.None);

        reranked.Select(h => h.Chunk.ChunkId).First().Should().Be("dental");
        reranked.Select(h => h.Chunk.ChunkId).Should().BeEquivalentTo(["vision", "parking", "dental"]);
    }

    [Test]
    public async Task Inflected_forms_of_query_terms_count_as_matches()
    {
        SearchHit[] candidates =
        [
            Hit("other", "Office hours are nine to five.", 0.9),
            Hit("match", "All approved claims are reimbursed within ten days.", 0.1),
        ];

        var reranked = await Reranker.RerankAsync("claim reimbursing", candidates, 2, CancellationToken.None);

        reranked[0].Chunk.ChunkId.Should().Be("match");
    }

    [Test]
    public async Task A_near_duplicate_of_a_picked_chunk_gives_way_to_different_evidence()
    {
        SearchHit[] candidates =
        [
            Hit("dental-a", "The dental plan covers two cleanings and one x-ray per year.", 0.033),
            Hit("dental-a-copy", "The dental plan covers two cleanings and one x-ray each year.", 0.032),
            Hit("dental-cost", "The dental plan costs 12 euros per month, deducted from salary.", 0.030),
        ];

        var reranked = await Reranker.RerankAsync("dental plan", candidates, 2, CancellationToken.None);

        reranked.Select(h => h.Chunk.ChunkId).Should().Equal("dental-a", "dental-cost");
    }

    [Test]
    public async Task Without_diversity_the_same_candidates_rank_by_relevance_alone()
    {
        var relevanceOnly = new LexicalMmrReranker(new LexicalMmrOptions(Lambda: 1));
        SearchHit[] candidates =
        [
            Hit("dental-a", "The dental plan covers two cleanings and one x-ray per year.", 0.033),
            Hit("dental-a-copy", "The dental plan covers two cleanings and one x-ray each year.", 0.032),
            Hit("dental-cost", "The dental plan costs 12 euros per month, deducted from salary.", 0.030),
        ];

        var reranked = await relevanceOnly.RerankAsync("dental plan", candidates, 2, CancellationToken.None);

        reranked.Select(h => h.Chunk.ChunkId).Should().Equal("dental-a", "dental-a-copy");
    }

    [Test]
    public async Task At_most_top_k_hits_are_returned_with_scores_between_0_and_1()
    {
        var candidates = Enumerable.Range(0, 80)
            .Select(i => Hit($"c{i}", $"Policy section {i} about leave and holidays number {i % 7}", 1.0 / (60 + i)))
            .ToList();

        var reranked = await Reranker.RerankAsync("holiday leave", candidates, 10, CancellationToken.None);

        reranked.Should().HaveCount(10);
        reranked.Should().OnlyContain(h => h.Score >= 0 && h.Score <= 1);
        reranked.Select(h => h.Chunk.ChunkId).Should().OnlyHaveUniqueItems();
        reranked.Select(h => int.Parse(h.Chunk.ChunkId.Substring(1))).Should().OnlyContain(index => index < LexicalMmrOptions.Default.CandidateWindow,
            "only the fused top 50 are considered");
    }

    [Test]
    public async Task The_score_of_a_hit_is_its_relevance_so_a_full_match_scores_higher_than_no_match()
    {
        SearchHit[] candidates =
        [
            Hit("none", "Canteen menus change weekly.", 0.02),
            Hit("full", "Remote work requires manager approval.", 0.02),
        ];

        var reranked = await Reranker.RerankAsync("remote work approval", candidates, 2, CancellationToken.None);

        reranked.Single(h => h.Chunk.ChunkId == "full").Score.Should().BeApproximately(1.0, 1e-9);
        reranked.Single(h => h.Chunk.ChunkId == "none").Score.Should().BeApproximately(0.4, 1e-9,
            "the best fused score normalises to 1 and counts for 40%");
    }

    [Test]
    public async Task No_candidates_give_no_hits()
    {
        var reranked = await Reranker.RerankAsync("anything", [], 5, CancellationToken.None);

        reranked.Should().BeEmpty();
    }

    [Test]
    public async Task A_query_without_content_words_keeps_the_fused_order()
    {
        SearchHit[] candidates = [Hit("first", "Alpha text.", 0.03), Hit("second", "Beta words.", 0.02), Hit("third", "Gamma lines.", 0.01)];

        var reranked = await Reranker.RerankAsync("what is it?", candidates, 3, CancellationToken.None);

        reranked.Select(h => h.Chunk.ChunkId).Should().Equal("first", "second", "third");
    }
}
