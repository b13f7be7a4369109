using System.Numerics.Tensors;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;
using Microsoft.Extensions.AI;

namespace CleanRag.Infrastructure.AI.Embeddings;

/// <summary>
/// A deterministic, dependency-free embedder by feature hashing: English word stems (lowercased, stop
/// words dropped, Porter-stemmed), adjacent stem pairs and character n-grams of each stem are hashed
/// (64-bit FNV-1a, stable across processes and platforms) into a signed bucket of a fixed-size vector,
/// weighted by sublinear term frequency (1 + ln tf), and the vector is L2-normalised.
/// <para>
/// It is LEXICAL, NOT SEMANTIC: two texts are similar only when they share words, word pairs or word
/// fragments — synonyms and paraphrases are not recognised. It exists so the product runs fully offline
/// and so tests and benchmarks are reproducible; use a real embedding model for semantic retrieval.
/// Its character n-grams do add some tolerance to inflections and typos that exact BM25 terms lack.
/// </para>
/// </summary>
public sealed class HashingEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const int DefaultDimensions = 384;

    // Relative weights of the feature kinds, tuned on SciFact (docs/benchmarks.md).
    private const float UnigramWeight = 1.0f;
    private const float BigramWeight = 0.5f;
    private const float CharNgramWeight = 1.0f;
    private const int MinCharNgram = 3;
    private const int MaxCharNgram = 5;

    // Distinct seeds per feature kind, so a word and an n-gram with the same letters hash apart.
    private const ulong UnigramSeed = 0x9E3779B97F4A7C15;
    private const ulong BigramSeed = 0xC2B2AE3D27D4EB4F;
    private const ulong CharNgramSeed = 0x165667B19E3779F9;

    private readonly Analyzer _analyzer = new EnglishAnalyzer(LuceneVersion.LUCENE_48);
    private readonly EmbeddingGeneratorMetadata _metadata;

    private const string ModelIdPrefix = "cleanrag-hashing-v1-";
    private const int MinimumDimensions = 16;

    public HashingEmbeddingGenerator(int dimensions = DefaultDimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, MinimumDimensions);
        Dimensions = dimensions;
        ModelId = $"{ModelIdPrefix}{dimensions}";
        _metadata = new EmbeddingGeneratorMetadata("cleanrag-hashing", providerUri: null, ModelId, dimensions);
    }

    public int Dimensions { get; }

    /// <summary>Changes whenever the features or weights change, so indexes built with another variant are refused.</summary>
    public string ModelId { get; }

    /// <summary>The dimensions of the variant whose <see cref="ModelId"/> is <paramref name="modelId"/>, if it is one of these generators'.</summary>
    public static bool TryParseModelId(string modelId, out int dimensions)
    {
        dimensions = 0;
        return modelId.StartsWith(ModelIdPrefix, StringComparison.Ordinal)
               && int.TryParse(modelId.AsSpan(ModelIdPrefix.Length), System.Globalization.NumberStyles.None,
                   System.Globalization.CultureInfo.InvariantCulture, out dimensions)
               && dimensions >= MinimumDimensions;
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options?.Dimensions is { } requested && requested != Dimensions)
            throw new ArgumentException($"{ModelId} produces {Dimensions} dimensions, not {requested}.", nameof(options));
        if (options?.ModelId is { } model && model != ModelId)
            throw new ArgumentException($"This generator is {ModelId}, not {model}.", nameof(options));

        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            embeddings.Add(new Embedding<float>(Embed(value)) { ModelId = ModelId });
        }
        return Task.FromResult(embeddings);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose() => _analyzer.Dispose();

    /// <summary>The embedding of one text; all zeros when it has no indexable word.</summary>
    public float[] Embed(string text)
    {
        // Sized for the text up front (about two features per character of prose): growing the table step by step was a
        // few per cent of ingestion's CPU (issue 20). Enumeration stays in insertion order, so the vector is unchanged.
        var features = new Dictionary<ulong, Feature>(Math.Min((text?.Length ?? 0) * 2, 1 << 16));
        ulong previousStem = 0;
        var hasPrevious = false;
        using (var tokens = _analyzer.GetTokenStream("text", text ?? ""))
        {
            var term = tokens.AddAttribute<ICharTermAttribute>();
            tokens.Reset();
            while (tokens.IncrementToken())
            {
                var stem = term.Buffer.AsSpan(0, term.Length);
                var stemHash = Fnv.Hash(UnigramSeed, stem);
                Count(features, stemHash, UnigramWeight);
                if (hasPrevious)
                    Count(features, Fnv.Combine(BigramSeed ^ previousStem, stemHash), BigramWeight);
                CountCharNgrams(features, stem);
                previousStem = stemHash;
                hasPrevious = true;
            }
            tokens.End();
        }

        var vector = new float[Dimensions];
        foreach (var (hash, feature) in features)
        {
            var bucket = (int)((hash >> 1) % (ulong)Dimensions);
            var sign = (hash & 1) == 0 ? 1f : -1f;
            vector[bucket] += sign * feature.Weight * (1f + MathF.Log(feature.Count));
        }
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
            TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }

    /// <summary>N-grams of the stem framed by word boundaries, e.g. "&lt;ca", "cat", "at&gt;" for "cat".</summary>
    private static void CountCharNgrams(Dictionary<ulong, Feature> features, ReadOnlySpan<char> stem)
    {
        Span<char> framed = stackalloc char[Math.Min(stem.Length, 64) + 2];
        framed[0] = '<';
        stem[..(framed.Length - 2)].CopyTo(framed[1..]);
        framed[^1] = '>';
        for (var n = MinCharNgram; n <= MaxCharNgram; n++)
        {
            for (var start = 0; start + n <= framed.Length; start++)
                Count(features, Fnv.Hash(CharNgramSeed + (ulong)n, framed.Slice(start, n)), CharNgramWeight);
        }
    }

    private static void Count(Dictionary<ulong, Feature> features, ulong hash, float weight)
    {
        features.TryGetValue(hash, out var feature);
        features[hash] = new Feature(feature.Count + 1, weight);
    }

    private readonly record struct Feature(int Count, float Weight);

    /// <summary>64-bit FNV-1a: stable, unlike string.GetHashCode, which is randomised per process.</summary>
    private static class Fnv
    {
        private const ulong Offset = 0xCBF29CE484222325;
        private const ulong Prime = 0x100000001B3;

        public static ulong Hash(ulong seed, ReadOnlySpan<char> text)
        {
            var hash = Offset ^ seed;
            foreach (var c in text)
            {
                hash = (hash ^ (byte)c) * Prime;
                hash = (hash ^ (byte)(c >> 8)) * Prime;
            }
            return Finalise(hash);
        }

        public static ulong Combine(ulong left, ulong right) => Finalise((((Offset ^ left) * Prime) ^ right) * Prime);

        /// <summary>Mixes the high bits down, since buckets are taken modulo the dimension.</summary>
        private static ulong Finalise(ulong hash)
        {
            hash ^= hash >> 33;
            hash *= 0xFF51AFD7ED558CCD;
            hash ^= hash >> 33;
            return hash;
        }
    }
}
