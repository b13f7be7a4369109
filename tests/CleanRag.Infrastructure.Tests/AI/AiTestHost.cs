using CleanRag.Infrastructure.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Infrastructure.Tests.AI;

/// <summary>Builds a service provider with <see cref="AiConfiguration.AddAiProviders"/> over in-memory settings.</summary>
internal static class AiTestHost
{
    /// <summary>Stands for the hashing embedder that the composition root passes in.</summary>
    public sealed class HashingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(new float[] { v.Length }))));

        public object? GetService(Type serviceType, object? serviceKey = null) => null;
        public void Dispose() { }
    }

    public static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddAiProviders(configuration, _ => new HashingEmbeddingGenerator())
            .BuildServiceProvider();
    }

    /// <summary>Settings for a remote provider at <paramref name="endpoint"/> with fast back-off, so tests stay quick.</summary>
    public static Dictionary<string, string?> Remote(string section, string provider, Uri endpoint, string model = "test-model") => new()
    {
        [$"AI:{section}:Provider"] = provider,
        [$"AI:{section}:Remote:Endpoint"] = endpoint.ToString(),
        [$"AI:{section}:Remote:Model"] = model,
        [$"AI:{section}:Remote:ApiKey"] = "secret-key",
        [$"AI:{section}:Remote:Resilience:BaseDelay"] = "00:00:00.010",
        [$"AI:{section}:Remote:Resilience:AttemptTimeout"] = "00:00:05",
        [$"AI:{section}:Remote:Resilience:TotalTimeout"] = "00:00:20",
        [$"AI:{section}:Remote:Resilience:MaxRetryAttempts"] = "3",
    };
}
