using CleanRag.Infrastructure.AI.Onnx;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Infrastructure.Tests.AI.Onnx;

/// <summary>The real ONNX Runtime and tokenizer path, on a tiny Gather graph written by the test.</summary>
public class OnnxEmbeddingGeneratorTests
{
    private const int Dimensions = 4;
    private static readonly float[,] Table = BuildTable();

    /// <summary>Distinct rows per token; the [PAD] row is huge so that pooling over padding would show.</summary>
    private static float[,] BuildTable()
    {
        var table = new float[OnnxTestModel.Vocabulary.Length, Dimensions];
        for (var token = 0; token < table.GetLength(0); token++)
        {
            table[token, 0] = token;
            table[token, 1] = token * 3 % 7;
            table[token, 2] = token * 5 % 11 - 5;
            table[token, 3] = 1;
        }
        for (var d = 0; d < Dimensions; d++)
            table[OnnxTestModel.Id("[PAD]"), d] = d % 2 == 0 ? 1000 : -1000;
        return table;
    }

    private static float[] ExpectedEmbedding(params string[] tokens)
    {
        var mean = new float[Dimensions];
        foreach (var token in tokens)
            for (var d = 0; d < Dimensions; d++)
                mean[d] += Table[OnnxTestModel.Id(token), d] / tokens.Length;
        var norm = MathF.Sqrt(mean.Sum(v => v * v));
        return mean.Select(v => v / norm).ToArray();
    }

    [TestCase("input_ids,attention_mask")]
    [TestCase("input_ids,attention_mask,token_type_ids")]
    [TestCase("input_ids")]
    public async Task An_embedding_is_the_normalised_mean_of_the_token_vectors_of_the_declared_inputs(string declaredInputs)
    {
        using var model = new OnnxTestModel(OnnxModelFile.TokenEmbeddingModel(Table, declaredInputs.Split(',')));
        using var generator = new OnnxEmbeddingGenerator(model.Options());

        var embedding = (await generator.GenerateAsync(["Hello dental costs"])).Single();

        // Lower-cased, WordPiece-split ("costs" → cost ##s) and framed by [CLS] ... [SEP].
        embedding.Vector.ToArray().Should().BeEquivalentTo(
            ExpectedEmbedding("[CLS]", "hello", "dental", "cost", "##s", "[SEP]"),
            o => o.WithStrictOrdering().Using<float>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-5f)).WhenTypeIs<float>());
        TensorLength(embedding).Should().BeApproximately(1f, 1e-5f);
    }

    [Test]
    public async Task Padding_in_a_batch_does_not_change_an_embedding()
    {
        using var model = new OnnxTestModel(OnnxModelFile.TokenEmbeddingModel(Table, "input_ids", "attention_mask"));
        using var generator = new OnnxEmbeddingGenerator(model.Options(batchSize: 2));
        string[] texts = ["hello", "hello world dental plan costs", "vision", "world plan"];

        var batched = await generator.GenerateAsync(texts);
        var single = new List<Embedding<float>>();
        foreach (var text in texts)
            single.Add((await generator.GenerateAsync([text])).Single());

        batched.Should().HaveCount(texts.Length);
        for (var i = 0; i < texts.Length; i++)
            batched[i].Vector.ToArray().Should().BeEquivalentTo(single[i].Vector.ToArray(),
                o => o.WithStrictOrdering().Using<float>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-5f)).WhenTypeIs<float>(),
                $"text {i} is padded in the batch but not alone");
        batched[0].Vector.ToArray().Should().BeEquivalentTo(ExpectedEmbedding("[CLS]", "hello", "[SEP]"),
            o => o.WithStrictOrdering().Using<float>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-5f)).WhenTypeIs<float>());
    }

    [Test]
    public async Task Inputs_longer_than_the_maximum_sequence_are_truncated_keeping_the_special_tokens()
    {
        using var model = new OnnxTestModel(OnnxModelFile.TokenEmbeddingModel(Table, "input_ids", "attention_mask"));
        using var generator = new OnnxEmbeddingGenerator(model.Options(maxSequenceLength: 4));

        var embeddings = await generator.GenerateAsync(["hello world dental plan", "hello world"]);

        embeddings[0].Vector.ToArray().Should().Equal(embeddings[1].Vector.ToArray());
    }

    [Test]
    public async Task Embeddings_are_deterministic_and_the_session_serves_concurrent_callers()
    {
        using var model = new OnnxTestModel(OnnxModelFile.TokenEmbeddingModel(Table, "input_ids", "attention_mask"));
        using var generator = new OnnxEmbeddingGenerator(model.Options());
        var expected = (await generator.GenerateAsync(["dental plan cost"])).Single().Vector.ToArray();

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ =>
            Task.Run(() => generator.GenerateAsync(["dental plan cost"]))));

        concurrent.Should().AllSatisfy(result => result.Single().Vector.ToArray().Should().Equal(expected));
    }

    [Test]
    public void The_metadata_names_the_model_after_its_folder_and_gives_its_dimensions()
    {
        using var model = new OnnxTestModel(OnnxModelFile.TokenEmbeddingModel(Table, "input_ids"), folderName: "all-MiniLM-L6-v2");
        using var generator = new OnnxEmbeddingGenerator(model.Options());

        var metadata = generator.GetService<EmbeddingGeneratorMetadata>()!;

        metadata.ProviderName.Should().Be("onnx");
        metadata.DefaultModelId.Should().Be("all-MiniLM-L6-v2");
        metadata.DefaultModelDimensions.Should().Be(Dimensions);
    }

    [Test]
    public async Task The_onnx_provider_is_chosen_by_configuration()
    {
        using var model = new OnnxTestModel(OnnxModelFile.TokenEmbeddingModel(Table, "input_ids", "attention_mask"));
        using var services = AiTestHost.Build(new()
        {
            ["AI:Embeddings:Provider"] = "onnx",
            ["AI:Embeddings:Onnx:ModelPath"] = model.ModelPath,
            ["AI:Embeddings:Onnx:VocabPath"] = model.VocabPath,
            ["AI:Embeddings:Onnx:MaxSequenceLength"] = "64",
        });

        var generator = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
        var embedding = (await generator.GenerateAsync(["hello"])).Single();

        generator.Should().BeOfType<OnnxEmbeddingGenerator>();
        embedding.Vector.Length.Should().Be(Dimensions);
    }

    [Test]
    public void A_missing_model_file_is_reported_with_its_path()
    {
        using var model = new OnnxTestModel(OnnxModelFile.TokenEmbeddingModel(Table, "input_ids"));
        var options = model.Options();
        options.ModelPath += ".missing";

        var act = () => new OnnxEmbeddingGenerator(options);

        act.Should().Throw<FileNotFoundException>().WithMessage("*model.onnx.missing*");
    }

    private static float TensorLength(Embedding<float> embedding) =>
        MathF.Sqrt(embedding.Vector.ToArray().Sum(v => v * v));
}
