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

    /// <summary>A model and vocab.txt from files (the onnx providers).</summary>
    public OnnxModelSession(OnnxModelOptions options, IReadOnlyList<string> preferredOutputs)
        : this(OpenFiles(options), new OnnxRunSettings(options.MaxSequenceLength, options.LowerCase, options.IntraOpThreads),
            preferredOutputs, $"The ONNX model '{options.ModelPath}'")
    {
    }

    /// <summary>A model from memory (the local provider's, embedded in a package's assembly) and its vocab.txt stream.</summary>
    public OnnxModelSession(byte[] model, Stream vocabulary, OnnxRunSettings settings, IReadOnlyList<string> preferredOutputs, string description)
        : this((sessionOptions => new InferenceSession(model, sessionOptions), vocabulary), settings, preferredOutputs, description)
    {
    }

    private OnnxModelSession(
        (Func<SessionOptions, InferenceSession> Open, Stream Vocabulary) source, OnnxRunSettings settings,
        IReadOnlyList<string> preferredOutputs, string description)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxSequenceLength, 3);
        MaxSequenceLength = settings.MaxSequenceLength;
        using (source.Vocabulary)
        {
            _tokenizer = BertTokenizer.Create(source.Vocabulary, new BertOptions
            {
                LowerCaseBeforeTokenization = settings.LowerCase,
                // Uncased BERT vocabularies were built without accents.
                RemoveNonSpacingMarks = settings.LowerCase,
            });
        }

        using var sessionOptions = MemoryBoundedSessionOptions(settings.IntraOpThreads);
        _session = source.Open(sessionOptions);
        _inputs = _session.InputMetadata.ToDictionary(i => i.Key, i => i.Value.ElementDataType);
        if (!_inputs.ContainsKey(InputIds))
            throw new InvalidOperationException(
                $"{description} has no '{InputIds}' input (it has: {string.Join(", ", _inputs.Keys)}).");
        foreach (var (name, type) in _inputs)
        {
            if (name is not (InputIds or AttentionMask or TokenTypeIds))
                throw new InvalidOperationException($"{description} expects an input '{name}' that a BERT tokenizer cannot supply.");
            if (type is not (TensorElementType.Int64 or TensorElementType.Int32))
                throw new InvalidOperationException($"{description}'s input '{name}' is {type}; only int64 or int32 are supported.");
        }

        OutputName = preferredOutputs.FirstOrDefault(_session.OutputMetadata.ContainsKey) ?? _session.OutputNames[0];
        var outputDimensions = _session.OutputMetadata[OutputName].Dimensions;
        OutputWidth = outputDimensions.Length > 0 && outputDimensions[^1] > 0 ? outputDimensions[^1] : null;
    }

    private static (Func<SessionOptions, InferenceSession>, Stream) OpenFiles(OnnxModelOptions options)
    {
        if (!File.Exists(options.ModelPath))
            throw new FileNotFoundException($"The ONNX model '{options.ModelPath}' does not exist.", options.ModelPath);
        if (!File.Exists(options.VocabPath))
            throw new FileNotFoundException($"The tokenizer vocabulary '{options.VocabPath}' does not exist.", options.VocabPath);
        return (sessionOptions => new InferenceSession(options.ModelPath, sessionOptions), File.OpenRead(options.VocabPath));
    }

    /// <summary>
    /// ONNX Runtime's defaults suit a process that runs one model flat out, not a web server: the CPU arena keeps the
    /// peak of the largest batch ever seen (gigabytes after a few long inputs) and memory patterns pre-plan buffers per
    /// input shape, which vary with every batch here. Both off: buffers are freed after each run. Spinning worker
    /// threads would burn the shared cores between requests.
    /// </summary>
    private static SessionOptions MemoryBoundedSessionOptions(int intraOpThreads)
    {
        var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            EnableCpuMemArena = false,
            EnableMemoryPattern = false,
        };
        sessionOptions.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return sessionOptions;
    }

    public int MaxSequenceLength { get; }
    public string OutputName { get; }
    /// <summary>The last dimension of the output when the model declares it (the embedding size), else null.</summary>
    public int? OutputWidth { get; }

    /// <summary>[CLS] text [SEP], truncated to the maximum sequence length.</summary>
    public TokenizedInput Tokenize(string text)
    {
        // Tokenising stops at the window, so a long input costs no more than a full one.
        var kept = _tokenizer.EncodeToIds(text, MaxSequenceLength - 2, addSpecialTokens: false, out _, out _);
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

/// <param name="MaxSequenceLength">Tokens per input including [CLS]/[SEP]; longer inputs are truncated.</param>
/// <param name="IntraOpThreads">Threads ONNX Runtime uses inside one inference; 0 lets it decide.</param>
internal sealed record OnnxRunSettings(int MaxSequenceLength, bool LowerCase, int IntraOpThreads);

/// <summary>Token ids with the special tokens; <see cref="SecondSegmentStart"/> marks where token_type_ids turn 1.</summary>
internal sealed record TokenizedInput(int[] Ids, int? SecondSegmentStart);

/// <summary>A model output in row-major order, with the attention mask ([rows, SequenceLength]) of its batch.</summary>
internal sealed record ModelOutput(float[] Data, long[] Shape, long[] AttentionMask, int SequenceLength);
