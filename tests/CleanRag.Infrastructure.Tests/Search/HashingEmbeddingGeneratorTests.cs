using System.Numerics.Tensors;
using CleanRag.Infrastructure.AI.Embeddings;
using Microsoft.Extensions.AI;

namespace CleanRag.Infrastructure.Tests.Search;

/// <summary>The offline embedder used beside the embedded search engine (lexical, not semantic).</summary>
public sealed class HashingEmbeddingGeneratorTests
{
    [Test]
    public async Task Embeddings_are_L2_normalised_and_have_the_configured_dimension()
    {
        using var generator = new HashingEmbeddingGenerator(dimensions: 256);

        var embeddings = await generator.GenerateAsync(["Employees may carry over five vacation days.", "x"]);

        embeddings.Should().HaveCount(2);
        embeddings.Should().OnlyContain(e => e.Vector.Length == 256 && e.ModelId == "cleanrag-hashing-v1-256");
        foreach (var embedding in embeddings)
            TensorPrimitives.Norm(embedding.Vector.Span).Should().BeApproximately(1, 1e-5f);
    }

    [Test]
    public void The_same_text_gets_the_same_vector_across_instances()
    {
        // Stable hashing (not string.GetHashCode, randomised per process) keeps vectors valid across restarts.
        using var first = new HashingEmbeddingGenerator();
        using var second = new HashingEmbeddingGenerator();

        first.Embed("Deterministic feature hashing").Should().Equal(second.Embed("Deterministic feature hashing"));
    }

    [Test]
    public void Texts_sharing_words_are_closer_than_unrelated_texts()
    {
        using var generator = new HashingEmbeddingGenerator();
        var query = generator.Embed("vacation days carry over");

        var related = TensorPrimitives.Dot(query, generator.Embed("Unused vacation days can be carried over to next year."));
        var unrelated = TensorPrimitives.Dot(query, generator.Embed("The parking garage closes at midnight."));

        related.Should().BeGreaterThan(unrelated + 0.2f);
    }

    [Test]
    public void Inflections_share_features_through_stems_and_character_ngrams()
    {
        using var generator = new HashingEmbeddingGenerator();

        var similarity = TensorPrimitives.Dot(generator.Embed("refunding"), generator.Embed("refunds"));

        similarity.Should().BeGreaterThan(0.5f);
    }

    [TestCase("")]
    [TestCase("the of and")]
    [TestCase("!!! ???")]
    public void A_text_without_indexable_words_gets_the_zero_vector(string text)
    {
        using var generator = new HashingEmbeddingGenerator();

        generator.Embed(text).Should().OnlyContain(v => v == 0);
    }

    [Test]
    public void Its_metadata_names_the_model_and_dimension()
    {
        using var generator = new HashingEmbeddingGenerator();

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();

        metadata.Should().NotBeNull();
        metadata!.DefaultModelId.Should().Be("cleanrag-hashing-v1-384");
        metadata.DefaultModelDimensions.Should().Be(384);
    }

    [Test]
    public async Task A_request_for_another_dimension_is_refused()
    {
        using var generator = new HashingEmbeddingGenerator();

        var act = () => generator.GenerateAsync(["text"], new EmbeddingGenerationOptions { Dimensions = 1536 });

        await act.Should().ThrowAsync<ArgumentException>();
    }
}
