namespace CleanRag.Application.Search;

/// <summary>
/// How to fuse when the project does not say, per embedder, as measured on SciFact (docs/benchmarks.md).
/// A semantic embedder (the default local all-MiniLM-L6-v2, or any remote or ONNX model) gets a min-max normalised
/// convex mix with BM25 weight 0.5: hybrid nDCG@10 0.7313, against 0.7092 for reciprocal rank fusion (k = 60) and 0.7195 for
/// its best k (10); normalised scores keep how far apart the candidates are, which ranks alone throw away.
/// The built-in hashing embedder is lexical: its signal is weaker and largely redundant with BM25, and RRF lets it
/// drag hybrid below BM25 alone (0.606 vs 0.698); a BM25-led convex fusion (0.9) keeps hybrid at or above it.
/// </summary>
public static class FusionDefaults
{
    public const string LexicalEmbedderPrefix = "cleanrag-hashing";
    public const double LexicalEmbedderBm25Weight = 0.9;
    public const double SemanticEmbedderBm25Weight = 0.5;

    public static FusionOptions For(string? embeddingModelId) =>
        FusionOptions.Default with
        {
            Method = FusionMethod.WeightedConvex,
            LexicalWeight = embeddingModelId?.StartsWith(LexicalEmbedderPrefix, StringComparison.Ordinal) == true
                ? LexicalEmbedderBm25Weight
                : SemanticEmbedderBm25Weight,
        };

    /// <summary>The project's explicit BM25 weight overrides the embedder's default weight.</summary>
    public static FusionOptions For(double? projectLexicalWeight, string? embeddingModelId) =>
        projectLexicalWeight is { } weight
            ? FusionOptions.Default with { Method = FusionMethod.WeightedConvex, LexicalWeight = weight }
            : For(embeddingModelId);
}
