using CleanRag.Infrastructure.AI;
using CleanRag.Infrastructure.AI.Embeddings;
using CleanRag.Infrastructure.AI.Local;
using Microsoft.Extensions.AI;

namespace CleanRag.Infrastructure.Tests.AI;

public class EmbeddingModelCatalogTests
{
    private static readonly LocalEmbeddingOptions Local = new();

    [Test]
    public void The_active_model_is_the_configured_generator_and_is_found_by_its_id()
    {
        using var active = new HashingEmbeddingGenerator(384);
        using var catalog = new EmbeddingModelCatalog(active, Local);

        catalog.ActiveModelId.Should().Be("cleanrag-hashing-v1-384");
        catalog.Find("cleanrag-hashing-v1-384").Should().BeSameAs(active);
    }

    [Test]
    public async Task A_hashing_space_of_another_dimension_is_served_by_a_hashing_generator_of_that_dimension_created_once()
    {
        using var active = new HashingEmbeddingGenerator(384);
        using var catalog = new EmbeddingModelCatalog(active, Local);

        var other = catalog.Find("cleanrag-hashing-v1-256")!;

        (await other.GenerateVectorAsync("dental cleanings")).Length.Should().Be(256);
        catalog.Find("cleanrag-hashing-v1-256").Should().BeSameAs(other);
    }

    [Test]
    public void The_local_models_are_known_by_their_ids_while_another_model_is_active()
    {
        using var active = new HashingEmbeddingGenerator(384);
        using var catalog = new EmbeddingModelCatalog(active, Local);

        foreach (var name in LocalEmbeddingModels.Names)
        {
            var modelId = LocalEmbeddingModels.ModelId(name);
            catalog.Find(modelId)!.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelId.Should().Be(modelId);
        }
    }

    [Test]
    public void The_local_model_as_the_active_one_is_named_without_being_loaded()
    {
        using var active = LocalEmbeddingModels.Create(new LocalEmbeddingOptions { Model = LocalEmbeddingModels.ArcticXs });
        using var catalog = new EmbeddingModelCatalog(active, Local);

        catalog.ActiveModelId.Should().Be("Snowflake/snowflake-arctic-embed-xs");
        catalog.Find("cleanrag-hashing-v1-384").Should().BeOfType<HashingEmbeddingGenerator>();
    }

    [TestCase("text-embedding-3-small")]
    [TestCase("cleanrag-hashing-v1-8")]
    [TestCase("cleanrag-hashing-v2-384")]
    public void A_model_the_process_cannot_run_is_not_available(string modelId)
    {
        using var active = new HashingEmbeddingGenerator(384);
        using var catalog = new EmbeddingModelCatalog(active, Local);

        catalog.Find(modelId).Should().BeNull();
    }
}
