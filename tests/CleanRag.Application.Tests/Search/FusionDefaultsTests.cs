using CleanRag.Application.Search;

namespace CleanRag.Application.Tests.Search;

public class FusionDefaultsTests
{
    [Test]
    public void The_lexical_hashing_embedder_gets_a_bm25_led_convex_fusion() =>
        FusionDefaults.For("cleanrag-hashing-v1-384").Should().Be(
            FusionOptions.Default with { Method = FusionMethod.WeightedConvex, LexicalWeight = 0.9 });

    [TestCase("sentence-transformers/all-MiniLM-L6-v2")]
    [TestCase(null)]
    public void Semantic_embedders_get_the_convex_mix_tuned_for_them(string? modelId) =>
        FusionDefaults.For(modelId).Should().Be(
            FusionOptions.Default with { Method = FusionMethod.WeightedConvex, LexicalWeight = 0.5 });

    [Test]
    public void A_project_weight_turns_on_weighted_fusion_whatever_the_embedder() =>
        FusionDefaults.For(0.3, "all-MiniLM-L6-v2").Should().Be(
            FusionOptions.Default with { Method = FusionMethod.WeightedConvex, LexicalWeight = 0.3 });
}
