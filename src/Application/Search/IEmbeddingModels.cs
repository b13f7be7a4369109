using Microsoft.Extensions.AI;

namespace CleanRag.Application.Search;

/// <summary>
/// The embedding models this installation can run: the active one (configured; new indexes are built in its space) and
/// the others it can still load, so an index built in an earlier model's space keeps answering until it is re-embedded.
/// </summary>
public interface IEmbeddingModels
{
    /// <summary>The configured model; every project's index ends in its space.</summary>
    IEmbeddingGenerator<string, Embedding<float>> Active { get; }

    /// <summary>The active model's id as recorded in an embedding space (known without loading the model).</summary>
    string ActiveModelId { get; }

    /// <summary>A generator for <paramref name="modelId"/>, or null when this installation cannot run that model.</summary>
    IEmbeddingGenerator<string, Embedding<float>>? Find(string modelId);
}
