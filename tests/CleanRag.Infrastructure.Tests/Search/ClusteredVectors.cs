using System.Numerics.Tensors;
using CleanRag.Application.Search;
using CleanRag.Infrastructure.Search.Lucene;

namespace CleanRag.Infrastructure.Tests.Search;

/// <summary>
/// Seeded synthetic embeddings grouped in Gaussian clusters (as tools/VectorBench makes them), so nearest neighbours are
/// not uniform noise: a vector is its cluster's centre plus noise, unit length.
/// </summary>
internal sealed class ClusteredVectors
{
    public const int Dimensions = 64;
    public static readonly EmbeddingSpace Space = new("clustered-test-model", Dimensions);

    private readonly Random _random;
    private readonly float[][] _centres;

    public ClusteredVectors(int seed, int clusters = 50)
    {
        _random = new Random(seed);
        _centres = Enumerable.Range(0, clusters).Select(_ => Gaussian(1f)).ToArray();
    }

    public float[] Next()
    {
        var vector = Gaussian(0.6f);
        TensorPrimitives.Add(vector, _centres[_random.Next(_centres.Length)], vector);
        TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
        return vector;
    }

    /// <summary>Entries <c>chunk-{first}</c>…, each in one of <paramref name="documents"/> taken in turn.</summary>
    public List<VectorEntry> Entries(int first, int count, IReadOnlyList<Guid> documents) =>
        Enumerable.Range(first, count).Select(i => new VectorEntry($"chunk-{i}", documents[i % documents.Count], Next())).ToList();

    private float[] Gaussian(float sigma)
    {
        var vector = new float[Dimensions];
        for (var i = 0; i < vector.Length; i++)
            vector[i] = sigma * (float)(Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble()));
        return vector;
    }

    /// <summary>The share of the reference's chunk ids found in the candidate's, over all queries.</summary>
    public static double Recall(IEnumerable<(IReadOnlyList<VectorMatch> Reference, IReadOnlyList<VectorMatch> Candidate)> answers)
    {
        int found = 0, expected = 0;
        foreach (var (reference, candidate) in answers)
        {
            var candidateIds = candidate.Select(m => m.ChunkId).ToHashSet(StringComparer.Ordinal);
            found += reference.Count(m => candidateIds.Contains(m.ChunkId));
            expected += reference.Count;
        }
        return (double)found / expected;
    }
}
