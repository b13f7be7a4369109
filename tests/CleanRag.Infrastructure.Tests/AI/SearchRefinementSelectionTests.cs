using CleanRag.Application.Search.Reranking;
using CleanRag.Application.Search.Rewriting;
using CleanRag.Infrastructure.AI;
using CleanRag.Infrastructure.AI.Onnx;
using CleanRag.Infrastructure.Tests.AI.Onnx;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Infrastructure.Tests.AI;

public class SearchRefinementSelectionTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddAiProviders(configuration, _ => new AiTestHost.HashingEmbeddingGenerator())
            .AddReranking(configuration)
            .AddQueryRewriting(configuration)
            .BuildServiceProvider();
    }

    [Test]
    public void By_default_reranking_is_lexical_and_rewriting_heuristic()
    {
        using var services = Build([]);

        services.GetRequiredService<IReranker>().Should().BeOfType<LexicalMmrReranker>();
        services.GetRequiredService<IQueryRewriter>().Should().BeOfType<HeuristicQueryRewriter>();
    }

    [Test]
    public void A_generative_chat_model_rewrites_questions()
    {
        using var services = Build(AiTestHost.Remote("Chat", "ollama", new Uri("http://127.0.0.1:9")));

        services.GetRequiredService<IQueryRewriter>().Should().BeOfType<ChatClientQueryRewriter>();
    }

    [Test]
    public void The_onnx_reranker_is_chosen_by_configuration()
    {
        using var model = new OnnxTestModel(OnnxModelFile.TokenWeightSumModel(new float[OnnxTestModel.Vocabulary.Length]));
        using var services = Build(new()
        {
            ["AI:Rerank:Provider"] = "onnx",
            ["AI:Rerank:Onnx:ModelPath"] = model.ModelPath,
            ["AI:Rerank:Onnx:VocabPath"] = model.VocabPath,
        });

        services.GetRequiredService<IReranker>().Should().BeOfType<OnnxCrossEncoderReranker>();
    }

    [Test]
    public void An_unknown_rerank_provider_is_refused()
    {
        var act = () => Build(new() { ["AI:Rerank:Provider"] = "llm" });

        act.Should().Throw<InvalidOperationException>().WithMessage("*AI:Rerank:Provider*");
    }
}
