using System.Numerics.Tensors;
using CleanRag.Application.Search;
using Microsoft.Extensions.AI;

namespace CleanRag.Infrastructure.AI.Onnx;

/// <summary>
/// Sentence embeddings from a sentence-transformers model exported to ONNX (e.g. all-MiniLM-L6-v2):
/// WordPiece tokens (truncated to the model's window) → model → pooled (mean of the token vectors over the
/// attention mask, or the [CLS] vector) → L2 normalised. A model whose output is already pooled ([batch, dim]) is
/// only normalised. The inputs of a call are sorted by length and embedded in batches of at most
/// <c>batchSize</c>, each padded to its longest input, so short texts do not pay for a long neighbour's padding.
/// <para>
/// One instance serves the whole process. The model is loaded on first use (a local model takes seconds to load,
/// and a process that never embeds should not pay for it); at most <c>maxConcurrentRuns</c> batches run at once,
/// which with the batch size bounds the memory the runtime needs.
/// </para>
/// </summary>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private static readonly string[] TokenOutputs = ["last_hidden_state", "token_embeddings"];

    private readonly Lazy<OnnxModelSession> _model;
    private readonly EmbeddingPooling _pooling;
    private readonly int _batchSize;
    private readonly SemaphoreSlim _runs;
    private readonly EmbeddingGeneratorMetadata _metadata;
    private readonly string _queryPrefix = "";

    /// <summary>A model from files (the onnx provider); loaded now, so a wrong path fails at start-up.</summary>
    public OnnxEmbeddingGenerator(OnnxModelOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchSize);
        var model = new OnnxModelSession(options, TokenOutputs);
        _model = new Lazy<OnnxModelSession>(model);
        _pooling = EmbeddingPooling.Mean;
        _batchSize = options.BatchSize;
        _runs = new SemaphoreSlim(Environment.ProcessorCount);
        var modelId = options.ModelId ?? OnnxModelId.From(options.ModelPath);
        _metadata = new EmbeddingGeneratorMetadata(AiProviderNames.Onnx, new Uri(Path.GetFullPath(options.ModelPath)), modelId, model.OutputWidth);
    }

    /// <summary>A model loaded on first use (the local provider), whose metadata is known without loading it.</summary>
    /// <param name="queryPrefix">The instruction the model was trained with before queries (<see cref="EmbeddingInput.Queries"/>), if any.</param>
    internal OnnxEmbeddingGenerator(
        Func<OnnxModelSession> load, EmbeddingGeneratorMetadata metadata, EmbeddingPooling pooling, int batchSize, int maxConcurrentRuns,
        string queryPrefix = "")
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxConcurrentRuns);
        _model = new Lazy<OnnxModelSession>(load, LazyThreadSafetyMode.ExecutionAndPublication);
        _metadata = metadata;
        _pooling = pooling;
        _batchSize = batchSize;
        _runs = new SemaphoreSlim(maxConcurrentRuns);
        _queryPrefix = queryPrefix;
    }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var model = _model.Value;
        if (_queryPrefix.Length > 0 && EmbeddingInput.AreQueries(options))
            values = values.Select(query => _queryPrefix + query);
        var inputs = values.Select(model.Tokenize).ToList();
        var vectors = new float[inputs.Count][];
        var byLength = Enumerable.Range(0, inputs.Count).OrderBy(i => inputs[i].Ids.Length).ToArray();
        foreach (var batch in byLength.Chunk(_batchSize))
        {
            await _runs.WaitAsync(cancellationToken);
            try
            {
                var output = model.Run(batch.Select(i => inputs[i]).ToList());
                for (var row = 0; row < batch.Length; row++)
                    vectors[batch[row]] = Pool(output, row, _pooling);
            }
            finally
            {
                _runs.Release();
            }
        }

        var createdAt = DateTimeOffset.UtcNow;
        return new GeneratedEmbeddings<Embedding<float>>(
            vectors.Select(vector => new Embedding<float>(vector) { ModelId = _metadata.DefaultModelId, CreatedAt = createdAt }));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        if (_model.IsValueCreated)
            _model.Value.Dispose();
        _runs.Dispose();
    }

    private static float[] Pool(ModelOutput output, int row, EmbeddingPooling pooling)
    {
        float[] vector;
        if (output.Shape.Length == 2)
        {
            var width = (int)output.Shape[1];
            vector = output.Data.AsSpan(row * width, width).ToArray();
        }
        else if (output.Shape.Length == 3 && pooling == EmbeddingPooling.FirstToken)
        {
            var width = (int)output.Shape[2];
            vector = output.Data.AsSpan(row * (int)output.Shape[1] * width, width).ToArray();
        }
        else if (output.Shape.Length == 3)
        {
            var length = (int)output.Shape[1];
            var width = (int)output.Shape[2];
            vector = new float[width];
            var counted = 0;
            for (var position = 0; position < length; position++)
            {
                if (output.AttentionMask[row * output.SequenceLength + position] == 0)
                    continue;
                TensorPrimitives.Add(vector, output.Data.AsSpan((row * length + position) * width, width), vector);
                counted++;
            }
            TensorPrimitives.Divide(vector, Math.Max(counted, 1), vector);
        }
        else
        {
            throw new InvalidOperationException(
                $"The embedding model's output has shape [{string.Join(", ", output.Shape)}]; expected [batch, tokens, dim] or [batch, dim].");
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
            TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }
}

/// <summary>How a model's token vectors become one sentence vector: as the model was trained.</summary>
internal enum EmbeddingPooling
{
    /// <summary>Mean over the attended tokens (sentence-transformers' default, e.g. all-MiniLM-L6-v2).</summary>
    Mean,
    /// <summary>The [CLS] token's vector (e.g. snowflake-arctic-embed).</summary>
    FirstToken,
}

internal static class OnnxModelId
{
    /// <summary>Exports are usually named model.onnx inside a folder named after the model, so the folder names it.</summary>
    public static string From(string modelPath)
    {
        var fileName = Path.GetFileNameWithoutExtension(modelPath);
        var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(modelPath)));
        return fileName is "model" or "model_quantized" or "model_optimized" && !string.IsNullOrEmpty(folder) ? folder : fileName;
    }
}
