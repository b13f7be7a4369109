using Microsoft.ML.Tokenizers;

namespace CleanRag.Infrastructure.Chunking;

/// <summary>Counts tokens the way the embedding model will see them.</summary>
public interface ITokenCounter
{
    int CountTokens(ReadOnlySpan<char> text);
}

/// <summary>
/// OpenAI's cl100k_base BPE (used by the text-embedding-3 models). Its vocabulary ships inside the
/// Microsoft.ML.Tokenizers.Data.Cl100kBase package, so nothing is downloaded at run time. For other
/// embedding models it is a close enough size estimate.
/// </summary>
public sealed class TiktokenTokenCounter(Tokenizer tokenizer) : ITokenCounter
{
    private static readonly Lazy<TiktokenTokenCounter> Shared = new(() => new TiktokenTokenCounter(TiktokenTokenizer.CreateForEncoding("cl100k_base")));

    /// <summary>Building the encoder takes a few hundred milliseconds, so one instance is shared.</summary>
    public static TiktokenTokenCounter Cl100kBase => Shared.Value;

    public int CountTokens(ReadOnlySpan<char> text) => tokenizer.CountTokens(text, considerPreTokenization: true, considerNormalization: true);
}
