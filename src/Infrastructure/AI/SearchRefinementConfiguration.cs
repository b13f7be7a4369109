using CleanRag.Application.Search.Reranking;
using CleanRag.Application.Search.Rewriting;
using CleanRag.Infrastructure.AI.Onnx;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CleanRag.Infrastructure.AI;

public static class SearchRefinementConfiguration
{
    /// <summary>
    /// Registers the <see cref="IReranker"/> chosen by <c>AI:Rerank:Provider</c>: lexical (default,
    /// <see cref="LexicalMmrReranker"/>) or onnx (<see cref="OnnxCrossEncoderReranker"/> from <c>AI:Rerank:Onnx:*</c>).
    /// </summary>
    public static IServiceCollection AddReranking(this IServiceCollection services, IConfiguration configuration)
    {
        var rerank = AiConfiguration.ReadOptions(configuration).Rerank;
        switch (AiConfiguration.Normalise(rerank.Provider))
        {
            case AiProviderNames.Lexical:
                services.AddSingleton<IReranker>(new LexicalMmrReranker());
                break;
            case AiProviderNames.Onnx:
                services.AddSingleton<IReranker>(_ => new OnnxCrossEncoderReranker(rerank.Onnx));
                break;
            default:
                throw AiConfiguration.UnknownProvider("AI:Rerank:Provider", rerank.Provider, "lexical, onnx");
        }
        return services;
    }

    /// <summary>
    /// Registers the <see cref="IQueryRewriter"/>: <see cref="ChatClientQueryRewriter"/> over the registered
    /// <see cref="IChatClient"/> when <c>AI:Chat:Provider</c> names a generative model (openai, ollama), else
    /// <see cref="HeuristicQueryRewriter"/>. Call after <see cref="AiConfiguration.AddAiProviders"/>.
    /// </summary>
    public static IServiceCollection AddQueryRewriting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<HeuristicQueryRewriter>();
        if (AiConfiguration.HasGenerativeChatModel(configuration))
        {
            services.AddSingleton<IQueryRewriter>(provider => new ChatClientQueryRewriter(
                provider.GetRequiredService<IChatClient>(),
                provider.GetRequiredService<HeuristicQueryRewriter>(),
                provider.GetService<ILogger<ChatClientQueryRewriter>>()
                    ?? Microsoft.Extensions.Logging.Abstractions.NullLogger<ChatClientQueryRewriter>.Instance));
        }
        else
        {
            services.AddSingleton<IQueryRewriter>(provider => provider.GetRequiredService<HeuristicQueryRewriter>());
        }
        return services;
    }
}
