namespace CleanRag.Domain.Projects;

/// <summary>How a project answers: its prompt, limits, retrieval and indexing parameters.</summary>
/// <param name="AllowedOrigins">Browser origins (scheme://host[:port]) that may call the chat APIs; empty denies every browser.</param>
/// <param name="WidgetEnabled">Whether the keyless widget endpoint serves this project.</param>
/// <param name="RateLimits">Per-project overrides of the plan's rate limits; null fields use the configured defaults.</param>
public sealed record ProjectSettings(
    IReadOnlyList<string> AllowedOrigins,
    string? SystemPrompt,
    string? Model,
    int QuestionMaxLength,
    RetrievalSettings Retrieval,
    IndexingSettings Indexing,
    bool WidgetEnabled = false,
    RateLimitSettings? RateLimits = null)
{
    public const int DefaultQuestionMaxLength = 1000;

    public static ProjectSettings Default { get; } =
        new([], null, null, DefaultQuestionMaxLength, RetrievalSettings.Default, IndexingSettings.Default);
}

/// <param name="TopK">Passages given to the generator.</param>
/// <param name="LexicalWeight">Share of BM25 in weighted fusion (the vector signal gets the rest); null lets the embedder's default fusion apply.</param>
/// <param name="MinimumRelevance">Below this (0–1, after fusion and rerank) a passage is not used.</param>
public sealed record RetrievalSettings(int TopK, double? LexicalWeight, double MinimumRelevance)
{
    public static RetrievalSettings Default { get; } = new(6, null, 0.2);
}

/// <param name="ChunkSize">Target chunk size in tokens.</param>
/// <param name="ChunkOverlap">Share of a chunk repeated in the next one (0–0.5).</param>
public sealed record IndexingSettings(int ChunkSize, double ChunkOverlap)
{
    public static IndexingSettings Default { get; } = new(400, 0.15);
}

/// <param name="KeyRequestsPerMinute">Requests per minute per API key.</param>
/// <param name="WidgetRequestsPerMinutePerVisitor">Widget requests per minute per visitor (or IP address without a visitor id).</param>
/// <param name="WidgetRequestsPerMinute">Widget requests per minute for the whole project.</param>
public sealed record RateLimitSettings(int? KeyRequestsPerMinute = null, int? WidgetRequestsPerMinutePerVisitor = null, int? WidgetRequestsPerMinute = null);
