using CleanRag.Infrastructure.AI.Local;

namespace CleanRag.Infrastructure.AI;

/// <summary>The <c>AI</c> configuration section: which providers embed, chat and rerank, and how.</summary>
public sealed class AiOptions
{
    public const string Section = "AI";

    public EmbeddingProviderOptions Embeddings { get; set; } = new();
    public ChatProviderOptions Chat { get; set; } = new();
    public RerankProviderOptions Rerank { get; set; } = new();
}

public static class AiProviderNames
{
    public const string Local = "local";
    public const string Hashing = "hashing";
    public const string Onnx = "onnx";
    public const string OpenAi = "openai";
    public const string Ollama = "ollama";
    public const string Extractive = "extractive";
    public const string Lexical = "lexical";
}

public sealed class EmbeddingProviderOptions
{
    /// <summary>
    /// local (default) | hashing | onnx | openai | ollama. Changing it is safe: projects indexed in another model's space
    /// keep answering in it while they are re-embedded in the background (ReembeddingService).
    /// </summary>
    public string Provider { get; set; } = AiProviderNames.Local;
    public LocalEmbeddingOptions Local { get; set; } = new();
    public HashingEmbeddingOptions Hashing { get; set; } = new();
    public RemoteModelOptions Remote { get; set; } = new();
    public OnnxModelOptions Onnx { get; set; } = new();
    /// <summary>Requested output dimensions (OpenAI text-embedding-3 models can shorten); null = the model's own.</summary>
    public int? Dimensions { get; set; }
}

/// <summary>
/// The in-process sentence-embedding model shipped inside a NuGet package's assembly (no download, no file to
/// configure). Defaults bound its memory: inputs are cut to the model's window and batches and concurrent runs are small.
/// </summary>
public sealed class LocalEmbeddingOptions
{
    /// <summary>minilm (default: all-MiniLM-L6-v2) | arctic-xs (snowflake-arctic-embed-xs). See docs/benchmarks.md.</summary>
    public string Model { get; set; } = LocalEmbeddingModels.MiniLm;
    /// <summary>Tokens per input including [CLS]/[SEP]; longer inputs are truncated. 256 is all-MiniLM-L6-v2's training window.</summary>
    public int MaxSequenceLength { get; set; } = 256;
    /// <summary>Inputs per model run.</summary>
    public int BatchSize { get; set; } = 16;
    /// <summary>Model runs at once, across all callers (ingestion and chat).</summary>
    public int MaxConcurrentRuns { get; set; } = 2;
    /// <summary>Threads ONNX Runtime uses inside one run; 0 = the processor count, at most 4.</summary>
    public int IntraOpThreads { get; set; }
}

/// <summary>The built-in lexical embedder; each dimension is a space of its own (cleanrag-hashing-v1-{dimensions}).</summary>
public sealed class HashingEmbeddingOptions
{
    public int Dimensions { get; set; } = Embeddings.HashingEmbeddingGenerator.DefaultDimensions;
}

public sealed class ChatProviderOptions
{
    /// <summary>extractive (default; registered elsewhere) | openai | ollama.</summary>
    public string Provider { get; set; } = AiProviderNames.Extractive;
    public RemoteModelOptions Remote { get; set; } = new();
}

public sealed class RerankProviderOptions
{
    /// <summary>lexical (default) | onnx (a cross-encoder exported to ONNX).</summary>
    public string Provider { get; set; } = AiProviderNames.Lexical;
    public OnnxModelOptions Onnx { get; set; } = new();
}

/// <summary>
/// A model behind HTTP. <see cref="Endpoint"/> for openai is any OpenAI-compatible base URL (OpenAI,
/// Azure OpenAI's /openai/v1, vLLM, llama.cpp server: usually ending in /v1); for ollama the server root.
/// </summary>
public sealed class RemoteModelOptions
{
    public string? Endpoint { get; set; }
    public string Model { get; set; } = "";
    /// <summary>Not needed by Ollama or most local servers; OpenAI's client insists on one, so a placeholder is sent.</summary>
    public string? ApiKey { get; set; }
    public ModelResilienceOptions Resilience { get; set; } = new();
}

public sealed class ModelResilienceOptions
{
    /// <summary>Budget of one call including every retry and back-off.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);
    /// <summary>Budget of one attempt (for streaming chat: until the first update arrives).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetryAttempts { get; set; } = 3;
    /// <summary>First back-off; later ones grow exponentially, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Share of failed attempts within <see cref="SamplingDuration"/> that opens the circuit.</summary>
    public double FailureRatio { get; set; } = 0.5;
    public int MinimumThroughput { get; set; } = 10;
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// A sentence-transformers (bi-encoder) or cross-encoder model exported to ONNX, with the WordPiece
/// vocab.txt it was trained with. Only vocab.txt (BERT WordPiece) tokenizers are supported: Microsoft.ML.Tokenizers
/// 2.0.1 cannot read a Hugging Face tokenizer.json.
/// </summary>
public sealed class OnnxModelOptions
{
    public string ModelPath { get; set; } = "";
    public string VocabPath { get; set; } = "";
    /// <summary>Reported as the model id (recorded with the index's embedding space); defaults to the file name.</summary>
    public string? ModelId { get; set; }
    /// <summary>Tokens per input including [CLS]/[SEP]; longer inputs are truncated.</summary>
    public int MaxSequenceLength { get; set; } = 256;
    public int BatchSize { get; set; } = 32;
    /// <summary>True for uncased models (all-MiniLM-L6-v2, ms-marco-MiniLM ...).</summary>
    public bool LowerCase { get; set; } = true;
    /// <summary>Threads ONNX Runtime uses inside one inference; 0 lets it decide.</summary>
    public int IntraOpThreads { get; set; }
}
