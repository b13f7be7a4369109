using CleanRag.Application.Search;

namespace CleanRag.Application.Tests.Search;

public sealed class RankFusionTests
{
    private static readonly FusionOptions Rrf = FusionOptions.Default;
    private static readonly FusionOptions Convex = new(Method: FusionMethod.WeightedConvex, LexicalWeight: 0.5);

    [TestCase(FusionMethod.ReciprocalRank)]
    [TestCase(FusionMethod.WeightedConvex)]
    public void Two_empty_signals_fuse_to_no_hits(FusionMethod method)
    {
        RankFusion.Fuse([], [], new FusionOptions(Method: method), 10).Should().BeEmpty();
    }

    [TestCase(FusionMethod.ReciprocalRank)]
    [TestCase(FusionMethod.WeightedConvex)]
    public void With_only_the_lexical_signal_its_order_is_kept(FusionMethod method)
    {
        var hits = RankFusion.Fuse(Ranked(("a", 9), ("b", 5), ("c", 1)), [], new FusionOptions(Method: method), 10);

        hits.Select(h => h.Chunk.ChunkId).Should().Equal("a", "b", "c");
        hits.Should().OnlyContain(h => h.Lexical != null && h.Vector == null);
        hits.Select(h => h.Lexical!.Rank).Should().Equal(1, 2, 3);
        hits[0].Lexical!.Score.Should().Be(9);
    }

    [TestCase(FusionMethod.ReciprocalRank)]
    [TestCase(FusionMethod.WeightedConvex)]
    public void With_only_the_vector_signal_its_order_is_kept(FusionMethod method)
    {
        var hits = RankFusion.Fuse([], Ranked(("x", 0.9), ("y", 0.8)), new FusionOptions(Method: method), 10);

        hits.Select(h => h.Chunk.ChunkId).Should().Equal("x", "y");
        hits.Should().OnlyContain(h => h.Vector != null && h.Lexical == null);
    }

    [Test]
    public void Reciprocal_rank_fusion_sums_one_over_k_plus_rank_of_each_signal()
    {
        var hits = RankFusion.Fuse(Ranked(("a", 10), ("b", 9)), Ranked(("b", 0.9), ("c", 0.8)), Rrf, 10);

        hits.Select(h => h.Chunk.ChunkId).Should().Equal("b", "a", "c");
        hits[0].Score.Should().BeApproximately(1.0 / 62 + 1.0 / 61, 1e-12);
        hits[1].Score.Should().BeApproximately(1.0 / 61, 1e-12);
        hits[0].Lexical.Should().Be(new SignalScore(2, 9));
        hits[0].Vector.Should().Be(new SignalScore(1, 0.9));
    }

    [Test]
    public void Ties_are_broken_by_the_best_single_signal_rank_then_by_chunk_id()
    {
        // "b" and "y" both sit at rank 1 of one signal; "a" and "x" at rank 2: equal RRF scores pairwise.
        var lexical = Ranked(("b", 5), ("a", 4));
        var vector = Ranked(("y", 0.9), ("x", 0.8));

        var first = RankFusion.Fuse(lexical, vector, Rrf, 10).Select(h => h.Chunk.ChunkId).ToList();
        var swapped = RankFusion.Fuse(vector, lexical, Rrf, 10).Select(h => h.Chunk.ChunkId).ToList();

        first.Should().Equal("b", "y", "a", "x");
        swapped.Should().Equal(first);
    }

    [TestCase(FusionMethod.ReciprocalRank)]
    [TestCase(FusionMethod.WeightedConvex)]
    public void Only_the_window_of_each_signal_takes_part(FusionMethod method)
    {
        var lexical = Ranked(("a", 3), ("b", 2), ("outside-lexical", 1));
        var vector = Ranked(("c", 0.9), ("d", 0.5), ("outside-vector", 0.1));

        var hits = RankFusion.Fuse(lexical, vector, new FusionOptions(Method: method, WindowPerSignal: 2), 10);

        hits.Select(h => h.Chunk.ChunkId).Should().BeEquivalentTo(["a", "b", "c", "d"]);
    }

    [Test]
    public void A_chunk_beyond_one_window_gets_no_credit_from_that_signal()
    {
        var hits = RankFusion.Fuse(Ranked(("a", 3), ("b", 2)), Ranked(("c", 0.9), ("b", 0.5)),
            new FusionOptions(WindowPerSignal: 1), 10);

        hits.Select(h => h.Chunk.ChunkId).Should().BeEquivalentTo(["a", "c"]);
    }

    [Test]
    public void Weighted_convex_fusion_mixes_min_max_normalised_scores_by_the_lexical_weight()
    {
        var lexical = Ranked(("a", 10), ("b", 6), ("c", 2));
        var vector = Ranked(("c", 0.9), ("b", 0.7), ("a", 0.5));

        var hits = RankFusion.Fuse(lexical, vector, Convex with { LexicalWeight = 0.25 }, 10);

        var scores = hits.ToDictionary(h => h.Chunk.ChunkId, h => h.Score);
        scores["a"].Should().BeApproximately(0.25 * 1 + 0.75 * 0, 1e-12);
        scores["b"].Should().BeApproximately(0.25 * 0.5 + 0.75 * 0.5, 1e-12);
        scores["c"].Should().BeApproximately(0.25 * 0 + 0.75 * 1, 1e-12);
        hits.Select(h => h.Chunk.ChunkId).Should().Equal("c", "b", "a");
    }

    [Test]
    public void A_lexical_weight_of_one_ranks_by_the_lexical_signal_alone()
    {
        var lexical = Ranked(("a", 10), ("b", 6));
        var vector = Ranked(("b", 0.9), ("a", 0.1), ("v", 0.05));

        var hits = RankFusion.Fuse(lexical, vector, Convex with { LexicalWeight = 1 }, 10);

        hits.Select(h => h.Chunk.ChunkId).Should().Equal("a", "b", "v");
    }

    [Test]
    public void A_signal_whose_scores_are_all_equal_counts_fully_for_each_of_its_hits()
    {
        var hits = RankFusion.Fuse(Ranked(("a", 4), ("b", 4)), [], Convex, 10);

        hits.Should().OnlyContain(h => Math.Abs(h.Score - 0.5) < 1e-12);
        hits.Select(h => h.Chunk.ChunkId).Should().Equal("a", "b");
    }

    [TestCase(-0.1)]
    [TestCase(1.5)]
    [TestCase(double.NaN)]
    public void A_lexical_weight_outside_zero_to_one_is_refused(double weight)
    {
        var act = () => RankFusion.Fuse(Ranked(("a", 1)), [], Convex with { LexicalWeight = weight }, 10);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void At_most_k_hits_are_returned_best_first()
    {
        var lexical = Ranked(Enumerable.Range(0, 50).Select(i => ($"l{i:00}", 50.0 - i)).ToArray());
        var vector = Ranked(Enumerable.Range(0, 50).Select(i => ($"v{i:00}", 1.0 - i / 100.0)).ToArray());

        var hits = RankFusion.Fuse(lexical, vector, Rrf, 5);

        hits.Select(h => h.Chunk.ChunkId).Should().Equal("l00", "v00", "l01", "v01", "l02");
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void A_k_below_one_is_refused(int k)
    {
        var act = () => RankFusion.Fuse([], [], Rrf, k);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public void A_chunk_listed_twice_by_one_signal_keeps_its_best_rank()
    {
        var hits = RankFusion.Fuse(Ranked(("a", 5), ("b", 4), ("a", 3)), [], Rrf, 10);

        hits.Select(h => h.Chunk.ChunkId).Should().Equal("a", "b");
        hits[0].Lexical!.Rank.Should().Be(1);
    }

    private static List<RankedCandidate> Ranked(params (string Id, double Score)[] ranked) =>
        ranked.Select(r => new RankedCandidate(Chunk(r.Id), r.Score)).ToList();

    private static IndexedChunk Chunk(string id) =>
        new(id, Guid.Empty, 1, "", id, null, null, null, 0, 0, ReadOnlyMemory<float>.Empty);
}
