using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Tokenizers;

namespace CleanRag.Infrastructure.AI.Onnx;

/// <summary>
/// A BERT-family ONNX model and its WordPiece tokenizer, shared by the embedding generator and the
/// cross-encoder reranker. One <see cref="InferenceSession"/> is reused: ONNX Runtime allows concurrent
/// <c>Run</c> calls on a session, and the tokenizer is immutable, so the object is thread-safe.
/// </summary>
internal sealed class OnnxModelSession : IDisposable
{
    private const string InputIds = "input_ids";
    private const string AttentionMask = "attention_mask";
    private const string TokenTypeIds = "token_type_ids";

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer;
    private readonly IReadOnlyDictionary<string, TensorElementType> _inputs;

    public OnnxModelSession(OnnxModelOptions options, IReadOnlyList<string> preferredOutputs)
    {
        if (!File.Exists(options.ModelPath))
            throw new FileNotFoundException($"The ONNX model '{options.ModelPath}' does not exist.", options.ModelPath);
        if (!File.Exists(options.VocabPath))
            throw new FileNotFoundException($"The tokenizer vocabulary '{options.VocabPath}' does not exist.", options.VocabPath);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxSequenceLength, 3);

        MaxSequenceLength = options.MaxSequenceLength;
        _tokenizer = BertTokenizer.Create(options.VocabPath, new BertOptions
        {
            LowerCaseBeforeTokenization = options.LowerCase,
            // Uncased BERT vocabularies were built without accents.
            RemoveNonSpacingMarks = options.LowerCase,
        });

        using var sessionOptions = new SessionOptions { IntraOpNumThreads = options.IntraOpThreads };
        _session = new InferenceSession(options.ModelPath, sessionOptions);
        _inputs = _session.InputMetadata.ToDictionary(i => i.Key, i => i.Value.ElementDataType);
        if (!_inputs.ContainsKey(InputIds))
            throw new InvalidOperationException(
                $"The ONNX model '{options.ModelPath}' has no '{InputIds}' input (it has: {string.Join(", ", _inputs.Keys)}).");
        foreach (var (name, type) in _inputs)
        {
            if (name is not (InputIds or AttentionMask or TokenTypeIds))
                throw new InvalidOperationException($"The ONNX model expects an input '{name}' that a BERT tokenizer cannot supply.");
            if (type is not (TensorElementType.Int64 or TensorElementType.Int32))
                throw new InvalidOperationException($"The ONNX model's input '{name}' is {type}; only int64 or int32 are supported.");
        }

        OutputName = preferredOutputs.FirstOrDefault(_session.OutputMetadata.ContainsKey) ?? _session.OutputNames[0];
        var outputDimensions = _session.OutputMetadata[OutputName].Dimensions;
        OutputWidth = outputDimensions.Length > 0 && outputDimensions[^1] > 0 ? outputDimensions[^1] : null;
    }

    public int MaxSequenceLength { get; }
    public string OutputName { get; }
    /// <summary>The last dimension of the output when the model declares it (the embedding size), else null.</summary>
    public int? OutputWidth { get; }

    /// <summary>[CLS] text [SEP], truncated to the maximum sequence length.</summary>
    public TokenizedInput Tokenize(string text)
    {
        var ids = _tokenizer.EncodeToIds(text, addSpecialTokens: false);
        var kept = ids.Take(MaxSequenceLength - 2);
        return new TokenizedInput([_tokenizer.ClassificationTokenId, .. kept, _tokenizer.SeparatorTokenId], SecondSegmentStart: null);
    }

    /// <summary>
    /// [CLS] first [SEP] second [SEP] for cross-encoders, truncating the longer of the two first (as Hugging Face's
    /// longest_first strategy does) until the pair fits.
    /// </summary>
    public TokenizedInput TokenizePair(string first, string second)
    {
        var a = _tokenizer.EncodeToIds(first, addSpecialTokens: false).ToList();
        var b = _tokenizer.EncodeToIds(second, addSpecialTokens: false).ToList();
        var budget = MaxSequenceLength - 3;
        while (a.Count + b.Count > budget)
        {
            var longer = a.Count > b.Count ? a : b;
            longer.RemoveAt(longer.Count - 1);
        }
        int[] ids = [_tokenizer.ClassificationTokenId, .. a, _tokenizer.SeparatorTokenId, .. b, _tokenizer.SeparatorTokenId];
        return new TokenizedInput(ids, SecondSegmentStart: a.Count + 2);
    }

    /// <summary>Runs one padded batch; returns the chosen output's data and shape and the attention mask used.</summary>
    public ModelOutput Run(IReadOnlyList<TokenizedInput> batch)
    {
        var rows = batch.Count;
        var length = batch.Max(b => b.Ids.Length);
        var ids = new long[rows * length];
        var mask = new long[rows * length];
        var types = new long[rows * length];
        for (var row = 0; row < rows; row++)
        {
            var input = batch[row];
            for (var position = 0; position < input.Ids.Length; position++)
            {
                var at = row * length + position;
                ids[at] = input.Ids[position];
                mask[at] = 1;
                types[at] = input.SecondSegmentStart is { } start && position >= start ? 1 : 0;
            }
            for (var position = input.Ids.Length; position < length; position++)
                ids[row * length + position] = _tokenizer.PaddingTokenId;
        }

        long[] shape = [rows, length];
        var feeds = new Dictionary<string, OrtValue>();
        try
        {
            foreach (var (name, type) in _inputs)
            {
                var values = name switch { InputIds => ids, AttentionMask => mask, _ => types };
                feeds[name] = type == TensorElementType.Int64
                    ? OrtValue.CreateTensorValueFromMemory(values, shape)
                    : OrtValue.CreateTensorValueFromMemory(Array.ConvertAll(values, v => (int)v), shape);
            }
            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, feeds, [OutputName]);
            var output = outputs[0];
            return new ModelOutput(
                output.GetTensorDataAsSpan<float>().ToArray(), output.GetTensorTypeAndShape().Shape, mask, length);
        }
        finally
        {
            foreach (var value in feeds.Values)
                value.Dispose();
        }
    }

    public void Dispose() => _session.Dispose();
}

/// <summary>Token ids with the special tokens; <see cref="SecondSegmentStart"/> marks where token_type_ids turn 1.</summary>
internal sealed record TokenizedInput(int[] Ids, int? SecondSegmentStart);

/// <summary>A model output in row-major order, with the attention mask ([rows, SequenceLength]) of its batch.</summary>
internal sealed record ModelOutput(float[] Data, long[] Shape, long[] AttentionMask, int SequenceLength);
