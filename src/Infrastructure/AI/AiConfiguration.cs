using System.ClientModel;
using System.ClientModel.Primitives;
using CleanRag.Infrastructure.AI.Local;
using CleanRag.Infrastructure.AI.Onnx;
using CleanRag.Infrastructure.AI.Resilience;
using CleanRag.Application.Search;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OllamaSharp;
using OpenAI;

namespace CleanRag.Infrastructure.AI;

public static class AiConfiguration
{
    /// <summary>
    /// Registers the embedding generator chosen by <c>AI:Embeddings:Provider</c> (local, the default: a sentence-embedding
    /// model inside the process, loaded on first use; hashing → <paramref name="hashingEmbeddingGenerator"/>; onnx, openai, ollama),
    /// the catalog of models an index built earlier may need (<see cref="IEmbeddingModels"/>) and, when <c>AI:Chat:Provider</c> is openai or ollama, an <see cref="IChatClient"/>.
    /// For the default chat provider (extractive) no chat client is registered here. Remote models are wrapped in
    /// retry, timeout and circuit breaker (<c>...:Remote:Resilience</c>) and fail with UpstreamModelException.
    /// </summary>
    public static IServiceCollection AddAiProviders(
        this IServiceCollection services,
        IConfiguration configuration,
        Func<IServiceProvider, IEmbeddingGenerator<string, Embedding<float>>> hashingEmbeddingGenerator)
    {
        var options = ReadOptions(configuration);
        services.AddSingleton(options);

        var embeddings = options.Embeddings;
        Func<IServiceProvider, IEmbeddingGenerator<string, Embedding<float>>> embeddingFactory =
            Normalise(embeddings.Provider) switch
            {
                AiProviderNames.Local => _ => LocalEmbeddingModels.Create(embeddings.Local),
                AiProviderNames.Hashing => hashingEmbeddingGenerator,
                AiProviderNames.Onnx => _ => new OnnxEmbeddingGenerator(embeddings.Onnx),
                AiProviderNames.OpenAi => _ => Resilient(
                    OpenAiClient(embeddings.Remote).GetEmbeddingClient(RequireModel(embeddings.Remote, "Embeddings"))
                        .AsIEmbeddingGenerator(embeddings.Dimensions),
                    embeddings.Remote, "OpenAI-compatible embedding model"),
                AiProviderNames.Ollama => _ => Resilient(
                    (IEmbeddingGenerator<string, Embedding<float>>)OllamaClient(embeddings.Remote, "Embeddings"), embeddings.Remote, "Ollama embedding model"),
                var other => throw UnknownProvider("AI:Embeddings:Provider", other, "local, hashing, onnx, openai, ollama"),
            };
        services.AddSingleton(embeddingFactory);
        services.AddSingleton<IEmbeddingModels>(provider => new EmbeddingModelCatalog(
            provider.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(), embeddings.Local));

        var chat = options.Chat;
        switch (Normalise(chat.Provider))
        {
            case AiProviderNames.Extractive:
                break;
            case AiProviderNames.OpenAi:
                services.AddSingleton<IChatClient>(_ => Resilient(
                    OpenAiClient(chat.Remote).GetChatClient(RequireModel(chat.Remote, "Chat")).AsIChatClient(),
                    chat.Remote, "OpenAI-compatible chat model"));
                break;
            case AiProviderNames.Ollama:
                services.AddSingleton<IChatClient>(_ => Resilient(
                    (IChatClient)OllamaClient(chat.Remote, "Chat"), chat.Remote, "Ollama chat model"));
                break;
            default:
                throw UnknownProvider("AI:Chat:Provider", chat.Provider, "extractive, openai, ollama");
        }
        return services;
    }

    /// <summary>True when <c>AI:Chat:Provider</c> names a generative model (openai, ollama).</summary>
    public static bool HasGenerativeChatModel(IConfiguration configuration) =>
        Normalise(ReadOptions(configuration).Chat.Provider) is AiProviderNames.OpenAi or AiProviderNames.Ollama;

    internal static AiOptions ReadOptions(IConfiguration configuration) =>
        configuration.GetSection(AiOptions.Section).Get<AiOptions>() ?? new AiOptions();

    internal static string Normalise(string? provider) => (provider ?? "").Trim().ToLowerInvariant();

    internal static InvalidOperationException UnknownProvider(string key, string? value, string known) =>
        new($"{key} is '{value}'; expected one of: {known}.");

    /// <summary>Retries, timeouts and the breaker around a remote model, inside an OpenTelemetry span (gen_ai semantic conventions).</summary>
    private static IEmbeddingGenerator<string, Embedding<float>> Resilient(
        IEmbeddingGenerator<string, Embedding<float>> generator, RemoteModelOptions remote, string description) =>
        new OpenTelemetryEmbeddingGenerator<string, Embedding<float>>(
            new ResilientEmbeddingGenerator(generator, new ModelResilience(remote.Resilience, $"{description} '{remote.Model}'")));

    private static IChatClient Resilient(IChatClient client, RemoteModelOptions remote, string description) =>
        new OpenTelemetryChatClient(new ResilientChatClient(client, new ModelResilience(remote.Resilience, $"{description} '{remote.Model}'")));

    private static OpenAIClient OpenAiClient(RemoteModelOptions remote)
    {
        var clientOptions = new OpenAIClientOptions
        {
            // The SDK would otherwise retry on its own, multiplying our attempts and hiding them from the breaker.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = remote.Resilience.AttemptTimeout,
        };
        if (!string.IsNullOrWhiteSpace(remote.Endpoint))
            clientOptions.Endpoint = new Uri(remote.Endpoint);
        // Local OpenAI-compatible servers ignore the key, but the SDK requires a non-empty one.
        var apiKey = string.IsNullOrWhiteSpace(remote.ApiKey) ? "not-needed" : remote.ApiKey;
        return new OpenAIClient(new ApiKeyCredential(apiKey), clientOptions);
    }

    private static OllamaApiClient OllamaClient(RemoteModelOptions remote, string section)
    {
        var endpoint = string.IsNullOrWhiteSpace(remote.Endpoint) ? "http://localhost:11434" : remote.Endpoint;
        // Timeouts belong to the resilience policy; HttpClient's own 100 s default would cut long generations.
        var http = new HttpClient { BaseAddress = new Uri(endpoint), Timeout = Timeout.InfiniteTimeSpan };
        return new OllamaApiClient(http, RequireModel(remote, section));
    }

    private static string RequireModel(RemoteModelOptions remote, string section) =>
        string.IsNullOrWhiteSpace(remote.Model)
            ? throw new InvalidOperationException($"AI:{section}:Remote:Model must name the model to use.")
            : remote.Model;
}
