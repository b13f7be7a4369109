namespace CleanRag.Application.Search;

/// <summary>
/// How close (cosine) a question must come to at least one chunk, for a semantic embedder, to be on the documents' topic at
/// all. Sharing a word is not being on topic ("Can you recommend a good science fiction novel?" shares "recommend" and "good"
/// with a health plan's advice, and the lexical signal and the reranker's term overlap found it relevant), but a sentence
/// embedding tells: measured with all-MiniLM-L6-v2 on the Northwind documents (docs/benchmarks.md), eight off-topic questions
/// came no closer than 0.07–0.26 to any chunk and the 30 reference questions, misspelt and vague ones included, 0.41–0.88.
/// No floor for the lexical hashing embedder (its similarity is word overlap again) nor for models not measured.
/// </summary>
public static class SemanticFloor
{
    public const string MiniLmModelId = "sentence-transformers/all-MiniLM-L6-v2";
    public const double MiniLm = 0.3;

    public static double? For(string? embeddingModelId) => embeddingModelId == MiniLmModelId ? MiniLm : null;

    /// <summary>False when the embedder has a floor and no candidate's vector similarity reaches it.</summary>
    public static bool Clears(string? embeddingModelId, IReadOnlyList<SearchHit> candidates) =>
        For(embeddingModelId) is not { } floor || candidates.Any(c => c.Vector?.Score >= floor);
}
