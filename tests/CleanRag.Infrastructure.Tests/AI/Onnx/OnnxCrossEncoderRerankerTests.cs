using CleanRag.Application.Search;
using CleanRag.Infrastructure.AI.Onnx;

namespace CleanRag.Infrastructure.Tests.AI.Onnx;

/// <summary>
/// The cross-encoder path on a tiny graph whose logit is the sum of per-token weights of the whole
/// [CLS] query [SEP] passage [SEP] pair: the query adds the same amount to every pair, so passages rank by their own tokens.
/// </summary>
public class OnnxCrossEncoderRerankerTests
{
    private static float[] Weights()
    {
        var weights = new float[OnnxTestModel.Vocabulary.Length];
        weights[OnnxTestModel.Id("dental")] = 3;
        weights[OnnxTestModel.Id("plan")] = 1;
        weights[OnnxTestModel.Id("vision")] = -2;
        return weights;
    }

    private static SearchHit Hit(string id, string text, double fusedScore) => new(
        new IndexedChunk(id, Guid.Empty, 1, "Benefits", text, null, null, null, 0, text.Length, ReadOnlyMemory<float>.Empty),
        fusedScore, null, null);

    [Test]
    public async Task Candidates_are_reordered_by_the_sigmoid_of_the_pair_logit_and_cut_to_top_k()
    {
        using var model = new OnnxTestModel(OnnxModelFile.TokenWeightSumModel(Weights()));
        using var reranker = new OnnxCrossEncoderReranker(model.Options(batchSize: 2));
        SearchHit[] candidates = [Hit("vision", "vision plan", 0.9), Hit("greeting", "hello world", 0.8), Hit("dental", "dental cost", 0.1)];

        var reranked = await reranker.RerankAsync("dental plan", candidates, topK: 2, CancellationToken.None);

        // Query tokens add 3 + 1 to every pair.
        reranked.Select(h => h.Chunk.ChunkId).Should().Equal("dental", "greeting");
        reranked[0].Score.Should().BeApproximately(1 / (1 + Math.Exp(-7)), 1e-6);
        reranked[1].Score.Should().BeApproximately(1 / (1 + Math.Exp(-4)), 1e-6);
    }

    [Test]
    public async Task No_candidates_give_no_hits()
    {
        using var model = new OnnxTestModel(OnnxModelFile.TokenWeightSumModel(Weights()));
        using var reranker = new OnnxCrossEncoderReranker(model.Options());

        var reranked = await reranker.RerankAsync("dental plan", [], topK: 5, CancellationToken.None);

        reranked.Should().BeEmpty();
    }
}
