using CleanRag.Infrastructure.AI;

namespace CleanRag.Infrastructure.Tests.AI.Onnx;

/// <summary>A tiny model and its vocab.txt in a temporary folder, deleted on dispose.</summary>
internal sealed class OnnxTestModel : IDisposable
{
    /// <summary>Line number = token id, as in a BERT vocab.txt.</summary>
    public static readonly string[] Vocabulary =
        ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "hello", "world", "dental", "plan", "cost", "##s", "vision"];

    private readonly string _folder;

    public OnnxTestModel(byte[] model, string folderName = "tiny-minilm")
    {
        _folder = Path.Combine(Path.GetTempPath(), $"cleanrag-onnx-{Guid.NewGuid():N}", folderName);
        Directory.CreateDirectory(_folder);
        File.WriteAllBytes(ModelPath, model);
        File.WriteAllLines(VocabPath, Vocabulary);
    }

    public string ModelPath => Path.Combine(_folder, "model.onnx");
    public string VocabPath => Path.Combine(_folder, "vocab.txt");

    public OnnxModelOptions Options(int maxSequenceLength = 16, int batchSize = 8) => new()
    {
        ModelPath = ModelPath,
        VocabPath = VocabPath,
        MaxSequenceLength = maxSequenceLength,
        BatchSize = batchSize,
        IntraOpThreads = 1,
    };

    public static int Id(string token) => Array.IndexOf(Vocabulary, token);

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_folder)!, recursive: true);
}
