using System.Collections.Concurrent;
using CleanRag.Application.Search;
using CleanRag.Infrastructure.AI.Embeddings;
using CleanRag.Infrastructure.AI.Local;
using Microsoft.Extensions.AI;

namespace CleanRag.Infrastructure.AI;

/// <summary>
/// The embedding models the process can run: the configured (active) one, every hashing variant (by the dimensions in
/// its model id) and the in-process models shipped in NuGet packages. Another model is created on first request and
/// kept: a local one loads its ONNX session on first use, once, and is shared by every caller. Remote models other than
/// the active one are not known: their endpoint and key are gone with the configuration that named them.
/// </summary>
public sealed class EmbeddingModelCatalog : IEmbeddingModels, IDisposable
{
    private readonly LocalEmbeddingOptions _local;
    private readonly ConcurrentDictionary<string, Lazy<IEmbeddingGenerator<string, Embedding<float>>?>> _others = new(StringComparer.Ordinal);

    public EmbeddingModelCatalog(IEmbeddingGenerator<string, Embedding<float>> active, LocalEmbeddingOptions local)
    {
        Active = active;
        ActiveModelId = active.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId
                        ?? throw new InvalidOperationException("The configured embedding generator does not say which model it is.");
        _local = local;
    }

    public IEmbeddingGenerator<string, Embedding<float>> Active { get; }

    public string ActiveModelId { get; }

    public IEmbeddingGenerator<string, Embedding<float>>? Find(string modelId) =>
        modelId == ActiveModelId
            ? Active
            : _others.GetOrAdd(modelId, id => new Lazy<IEmbeddingGenerator<string, Embedding<float>>?>(() => Create(id))).Value;

    public void Dispose()
    {
        foreach (var other in _others.Values.Where(o => o.IsValueCreated))
            other.Value?.Dispose();
    }

    private IEmbeddingGenerator<string, Embedding<float>>? Create(string modelId)
    {
        if (HashingEmbeddingGenerator.TryParseModelId(modelId, out var dimensions))
            return new HashingEmbeddingGenerator(dimensions);
        var localName = LocalEmbeddingModels.Names.FirstOrDefault(name => LocalEmbeddingModels.ModelId(name) == modelId);
        if (localName is null)
            return null;
        // The configured limits (window, batch, concurrent runs), bounded by this model's own window.
        return LocalEmbeddingModels.Create(new LocalEmbeddingOptions
        {
            Model = localName,
            MaxSequenceLength = Math.Min(_local.MaxSequenceLength, LocalEmbeddingModels.TrainedWindow(localName)),
            BatchSize = _local.BatchSize,
            MaxConcurrentRuns = _local.MaxConcurrentRuns,
            IntraOpThreads = _local.IntraOpThreads,
        });
    }
}
