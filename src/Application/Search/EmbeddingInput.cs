using Microsoft.Extensions.AI;

namespace CleanRag.Application.Search;

/// <summary>
/// Tells an embedding generator that its inputs are search queries rather than passages. Asymmetric models
/// (snowflake-arctic-embed) were trained with an instruction before queries only; symmetric ones (all-MiniLM-L6-v2,
/// hashing) ignore the mark. Passages are embedded without options.
/// </summary>
public static class EmbeddingInput
{
    private const string KindKey = "cleanrag.input_kind";
    private const string QueryKind = "query";

    /// <summary>Options marking the inputs as queries; a new instance per call, since options are mutable.</summary>
    public static EmbeddingGenerationOptions Queries() => new() { AdditionalProperties = new() { [KindKey] = QueryKind } };

    public static bool AreQueries(EmbeddingGenerationOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(KindKey, out var kind) == true && kind as string == QueryKind;
}
