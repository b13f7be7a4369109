using Microsoft.Extensions.AI;

namespace CleanRag.Infrastructure.AI.Resilience;

/// <summary>Puts a remote embedding model behind <see cref="ModelResilience"/>.</summary>
internal sealed class ResilientEmbeddingGenerator(
    IEmbeddingGenerator<string, Embedding<float>> inner, ModelResilience resilience)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
{
    public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        // Materialised once so every attempt sends the same inputs even if the caller passed a lazy sequence.
        var inputs = values as IReadOnlyList<string> ?? values.ToList();
        return resilience.ExecuteAsync(
            async attemptToken => await base.GenerateAsync(inputs, options, attemptToken), cancellationToken);
    }
}
