namespace CleanRag.Application.Search;

/// <summary>
/// How to fuse when the project does not say. Reciprocal rank fusion suits a semantic embedder, whose
/// signal is as strong as BM25's and complementary. The built-in hashing embedder is lexical: its
/// signal is weaker and largely redundant with BM25, and RRF lets it drag hybrid below BM25 alone
/// (SciFact nDCG@10 0.606 vs 0.698, docs/benchmarks.md); a BM25-led convex fusion keeps hybrid at or above it.
/// </summary>
public static class FusionDefaults
{
    public const string LexicalEmbedderPrefix = "cleanrag-hashing";
    public const double LexicalEmbedderBm25Weight = 0.9;

    public static FusionOptions For(string? embeddingModelId) =>
        embeddingModelId?.StartsWith(LexicalEmbedderPrefix, StringComparison.Ordinal) == true
            ? FusionOptions.Default with { Method = FusionMethod.WeightedConvex, LexicalWeight = LexicalEmbedderBm25Weight }
            : FusionOptions.Default;

    /// <summary>The project's explicit BM25 weight turns on weighted fusion; otherwise the embedder decides.</summary>
    public static FusionOptions For(double? projectLexicalWeight, string? embeddingModelId) =>
        projectLexicalWeight is { } weight
            ? FusionOptions.Default with { Method = FusionMethod.WeightedConvex, LexicalWeight = weight }
            : For(embeddingModelId);
}
