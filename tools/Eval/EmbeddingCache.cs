using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CleanRag.Eval;

/// <summary>
/// Corpus embeddings on disk, one file per (model, window, corpus content), so a rerun with the same model does not
/// embed the corpus again. The sidecar keeps what embedding it cost when it was computed.
/// </summary>
internal sealed class EmbeddingCache(string directory)
{
    public static string DefaultDirectory =>
        Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } cache
            ? cache
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "cleanrag", "eval-embeddings");

    public sealed record Cost(double Seconds, double TextsPerSecond, long PeakRssBytes);

    public static string Key(string modelId, string variant, string corpusPath)
    {
        using var corpus = File.OpenRead(corpusPath);
        var content = Convert.ToHexString(SHA256.HashData(corpus))[..16];
        var model = string.Concat(modelId.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
        return $"{model}-{variant}-{content}";
    }

    public (float[][] Vectors, Cost Cost)? TryLoad(string key, int count)
    {
        var vectorsPath = Path.Combine(directory, key + ".f32");
        var costPath = Path.Combine(directory, key + ".json");
        if (!File.Exists(vectorsPath) || !File.Exists(costPath))
            return null;
        using var reader = new BinaryReader(File.OpenRead(vectorsPath));
        if (reader.ReadInt32() != count)
            return null;
        var dimensions = reader.ReadInt32();
        var vectors = new float[count][];
        for (var i = 0; i < count; i++)
        {
            vectors[i] = new float[dimensions];
            reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vectors[i].AsSpan()));
        }
        return (vectors, JsonSerializer.Deserialize<Cost>(File.ReadAllText(costPath))!);
    }

    public void Save(string key, IReadOnlyList<float[]> vectors, Cost cost)
    {
        Directory.CreateDirectory(directory);
        var vectorsPath = Path.Combine(directory, key + ".f32");
        // Written aside and moved, so an interrupted run leaves no half file behind.
        var partial = vectorsPath + ".partial";
        using (var writer = new BinaryWriter(File.Create(partial), Encoding.UTF8))
        {
            writer.Write(vectors.Count);
            writer.Write(vectors.Count == 0 ? 0 : vectors[0].Length);
            foreach (var vector in vectors)
                writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()));
        }
        File.Move(partial, vectorsPath, overwrite: true);
        File.WriteAllText(Path.Combine(directory, key + ".json"), JsonSerializer.Serialize(cost));
    }
}
