using System.Numerics.Tensors;
using CleanRag.Application.Search;
using CleanRag.Infrastructure.AI;
using CleanRag.Infrastructure.AI.Local;
using CleanRag.Infrastructure.AI.Onnx;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Infrastructure.Tests.AI.Local;

/// <summary>The real all-MiniLM-L6-v2 from its NuGet package: one instance for the fixture (it loads in seconds).</summary>
public class LocalEmbeddingModelsTests
{
    private OnnxEmbeddingGenerator _miniLm = null!;

    [OneTimeSetUp]
    public void Load() => _miniLm = LocalEmbeddingModels.Create(new LocalEmbeddingOptions { Model = LocalEmbeddingModels.MiniLm, BatchSize = 2 });

    [OneTimeTearDown]
    public void Unload() => _miniLm.Dispose();

    [Test]
    public async Task A_paraphrase_is_closer_than_a_text_sharing_its_words()
    {
        var embeddings = await _miniLm.GenerateAsync([
            "Who pays for my eyeglasses?",
            "Glasses are covered up to 150 dollars per year.",
            "Who pays for my parking at the office?",
        ]);

        var paraphrase = Cosine(embeddings[0], embeddings[1]);
        var sharedWords = Cosine(embeddings[0], embeddings[2]);
        paraphrase.Should().BeGreaterThan(sharedWords + 0.1f, "a semantic model matches meaning, not words (hashing would rank these the other way)");
    }

    [Test]
    public async Task Embeddings_are_unit_vectors_of_the_declared_size_named_after_the_model()
    {
        var embedding = (await _miniLm.GenerateAsync(["Glasses are covered up to 150 dollars per year."])).Single();

        embedding.Vector.Length.Should().Be(384);
        TensorPrimitives.Norm(embedding.Vector.Span).Should().BeApproximately(1f, 1e-4f);
        embedding.ModelId.Should().Be("sentence-transformers/all-MiniLM-L6-v2");
        var metadata = _miniLm.GetService<EmbeddingGeneratorMetadata>()!;
        metadata.ProviderName.Should().Be("local");
        metadata.DefaultModelDimensions.Should().Be(384);
    }

    [Test]
    public async Task A_batch_gives_each_text_the_embedding_it_gets_alone_in_the_callers_order()
    {
        string[] texts = ["Dental cleanings are covered twice a year.", "Vision", "The Plus plan covers one eye exam per year, and glasses up to 150 dollars."];

        var batched = await _miniLm.GenerateAsync(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            var alone = (await _miniLm.GenerateAsync([texts[i]])).Single();
            Cosine(batched[i], alone).Should().BeGreaterThan(0.9999f, $"text {i} is padded and reordered in the batch but not alone");
        }
    }

    [Test]
    public async Task Text_past_the_window_does_not_change_the_embedding()
    {
        var window = string.Join(' ', Enumerable.Repeat("The dental plan covers cleanings twice a year.", 60));

        var embeddings = await _miniLm.GenerateAsync([window, window + " Unrelated tail about parking permits and the cafeteria menu."]);

        Cosine(embeddings[0], embeddings[1]).Should().BeGreaterThan(0.9999f);
    }

    [Test]
    public void The_local_provider_is_chosen_by_configuration_and_loads_nothing_until_it_embeds()
    {
        using var services = AiTestHost.Build(new() { ["AI:Embeddings:Provider"] = "local" });

        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

        generator.Should().BeOfType<OnnxEmbeddingGenerator>();
        generator.GetService<EmbeddingGeneratorMetadata>()!.DefaultModelId.Should().Be(LocalEmbeddingModels.ModelId(LocalEmbeddingModels.MiniLm));
    }

    [Test]
    public void The_model_is_chosen_by_configuration_and_an_unknown_one_is_refused()
    {
        using var arctic = AiTestHost.Build(new() { ["AI:Embeddings:Provider"] = "local", ["AI:Embeddings:Local:Model"] = "arctic-xs" });
        arctic.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GetService<EmbeddingGeneratorMetadata>()!
            .DefaultModelId.Should().Be("Snowflake/snowflake-arctic-embed-xs");

        using var unknown = AiTestHost.Build(new() { ["AI:Embeddings:Provider"] = "local", ["AI:Embeddings:Local:Model"] = "gpt-embed" });
        var act = () => unknown.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        act.Should().Throw<InvalidOperationException>().WithMessage("*AI:Embeddings:Local:Model*gpt-embed*minilm*");
    }

    [Test]
    public async Task Queries_get_the_instruction_an_asymmetric_model_was_trained_with_and_passages_do_not()
    {
        using var arctic = LocalEmbeddingModels.Create(new LocalEmbeddingOptions { Model = LocalEmbeddingModels.ArcticXs });
        const string question = "Who pays for my eyeglasses?";

        var asQuery = (await arctic.GenerateAsync([question], EmbeddingInput.Queries())).Single();
        var asPassage = (await arctic.GenerateAsync([question])).Single();
        var withInstruction = (await arctic.GenerateAsync(["Represent this sentence for searching relevant passages: " + question])).Single();

        Cosine(asQuery, withInstruction).Should().BeGreaterThan(0.9999f, "a query is embedded after snowflake-arctic-embed's query instruction");
        Cosine(asQuery, asPassage).Should().BeLessThan(0.999f, "a passage is embedded as it is");
        var miniLmQuery = (await _miniLm.GenerateAsync([question], EmbeddingInput.Queries())).Single();
        Cosine(miniLmQuery, (await _miniLm.GenerateAsync([question])).Single()).Should().BeGreaterThan(0.9999f, "all-MiniLM-L6-v2 is symmetric");
    }

    [Test]
    public void A_window_longer_than_the_model_was_trained_on_is_refused()
    {
        var act = () => LocalEmbeddingModels.Create(new LocalEmbeddingOptions { Model = LocalEmbeddingModels.MiniLm, MaxSequenceLength = 512 });

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*MaxSequenceLength*");
    }

    private static float Cosine(Embedding<float> first, Embedding<float> second) =>
        TensorPrimitives.CosineSimilarity(first.Vector.Span, second.Vector.Span);
}
