using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace CleanRag.Infrastructure.AI.Onnx;

/// <summary>
/// Sentence embeddings from a sentence-transformers model exported to ONNX (e.g. all-MiniLM-L6-v2):
/// WordPiece tokens → model → mean of the token vectors over the attention mask → L2 normalised.
/// A model whose output is already pooled ([batch, dim]) is only normalised. Inputs are embedded in
/// batches of <see cref="OnnxModelOptions.BatchSize"/>, each padded to its longest input.
/// </summary>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private static readonly string[] TokenOutputs = ["last_hidden_state", "token_embeddings"];

    private readonly OnnxModelSession _model;
    private readonly int _batchSize;
    private readonly EmbeddingGeneratorMetadata _metadata;

    public OnnxEmbeddingGenerator(OnnxModelOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchSize);
        _model = new OnnxModelSession(options, TokenOutputs);
        _batchSize = options.BatchSize;
        var modelId = options.ModelId ?? OnnxModelId.From(options.ModelPath);
        _metadata = new EmbeddingGeneratorMetadata("onnx", new Uri(Path.GetFullPath(options.ModelPath)), modelId, _model.OutputWidth);
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var inputs = values.ToList();
        var embeddings = new GeneratedEmbeddings<Embedding<float>>(inputs.Count);
        foreach (var batch in inputs.Chunk(_batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var output = _model.Run(batch.Select(_model.Tokenize).ToList());
            for (var row = 0; row < batch.Length; row++)
                embeddings.Add(new Embedding<float>(Pool(output, row)) { ModelId = _metadata.DefaultModelId, CreatedAt = DateTimeOffset.UtcNow });
        }
        return Task.FromResult(embeddings);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose() => _model.Dispose();

    private static float[] Pool(ModelOutput output, int row)
    {
        float[] vector;
        if (output.Shape.Length == 2)
        {
            var width = (int)output.Shape[1];
            vector = output.Data.AsSpan(row * width, width).ToArray();
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
