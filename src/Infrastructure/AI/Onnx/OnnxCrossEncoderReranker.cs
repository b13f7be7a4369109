using CleanRag.Application.Search;
using CleanRag.Application.Search.Reranking;

namespace CleanRag.Infrastructure.AI.Onnx;

/// <summary>
/// Reranks with a cross-encoder exported to ONNX (e.g. cross-encoder/ms-marco-MiniLM-L-6-v2): each
/// (query, chunk) pair is read together as [CLS] query [SEP] chunk [SEP] and the model's logit, squashed by
/// a sigmoid into [0, 1], is the new score. Models with two classes (not relevant, relevant) use the last logit.
/// </summary>
public sealed class OnnxCrossEncoderReranker : IReranker, IDisposable
{
    private static readonly string[] ScoreOutputs = ["logits"];

    private readonly OnnxModelSession _model;
    private readonly int _batchSize;

    public OnnxCrossEncoderReranker(OnnxModelOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchSize);
        _model = new OnnxModelSession(options, ScoreOutputs);
        _batchSize = options.BatchSize;
    }

    public Task<IReadOnlyList<SearchHit>> RerankAsync(
        string query, IReadOnlyList<SearchHit> candidates, int topK, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(topK);
        var scored = new List<(SearchHit Hit, double Score, int Order)>(candidates.Count);
        foreach (var batch in candidates.Chunk(_batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var output = _model.Run(batch.Select(hit => _model.TokenizePair(query, hit.Chunk.Text)).ToList());
            var perRow = output.Data.Length / batch.Length;
            for (var row = 0; row < batch.Length; row++)
            {
                var logit = output.Data[row * perRow + perRow - 1];
                scored.Add((batch[row], Sigmoid(logit), scored.Count));
            }
        }

        IReadOnlyList<SearchHit> reranked = scored
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Order)
            .Take(topK)
            .Select(s => s.Hit with { Score = s.Score })
            .ToList();
        return Task.FromResult(reranked);
    }

    public void Dispose() => _model.Dispose();

    private static double Sigmoid(float logit) => 1.0 / (1.0 + Math.Exp(-logit));
}
