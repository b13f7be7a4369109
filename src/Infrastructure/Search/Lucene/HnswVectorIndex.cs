using System.Numerics.Tensors;
using CleanRag.Application.Search;
using Cloud.Unum.USearch;

namespace CleanRag.Infrastructure.Search.Lucene;

/// <summary>
/// Approximate cosine search over a USearch HNSW graph: float32, connectivity 16, expansion 128 when adding and when
/// searching (recall@10 against the exact scan 1.0 at 100,000 vectors and 0.98 at 1,000,000, docs/benchmarks.md). Chunk ids map to the graph's
/// integer keys; an upsert is a remove and an add, as the graph refuses a key it holds. The graph has no filtered search:
/// a scoped search over-fetches and returns only what passes, which may be fewer than asked for.
/// <para>
/// Not a source of truth (<see cref="SizeAdaptiveVectorIndex"/> builds it from the exact index and repairs it against
/// that). <see cref="Sync"/> saves the graph as <c>hnsw-{generation}.usearch</c> and then <c>hnsw.keys</c> (the space,
/// the graph file's name, and every vector's key, chunk id and document id), so the keys file only ever names a
/// complete graph; <see cref="Load"/> reads them back.
/// </para>
/// <para>
/// Adds must not run concurrently: the C# binding grows the graph's capacity inside <c>Add</c>, which races.
/// </para>
/// </summary>
internal sealed class HnswVectorIndex : IVectorIndex
{
    private const string KeysFileName = "hnsw.keys";
    private const string GraphFilePattern = "hnsw-*.usearch";
    private const int KeysFormat = 1;
    private const ulong Connectivity = 16;
    private const ulong ExpansionAdd = 128;
    private const int ExpansionSearch = 128;

    /// <summary>A scoped search asks the graph for this many times topK, for enough of them to pass the filter.</summary>
    private const int ScopedOverFetch = 4;

    private readonly string _directory;
    private readonly EmbeddingSpace _space;
    private readonly USearchIndex _graph;
    private readonly Dictionary<string, ulong> _keyOfChunk = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, (string ChunkId, Guid DocumentId)> _chunkOfKey = [];
    private ulong _nextKey;

    /// <summary>An empty graph for vectors of <paramref name="space"/>, saved to <paramref name="directory"/>.</summary>
    public HnswVectorIndex(string directory, EmbeddingSpace space)
        : this(directory, space, new USearchIndex(
            MetricKind.Cos, ScalarKind.Float32, (ulong)space.Dimensions, Connectivity, ExpansionAdd, ExpansionSearch))
    {
    }

    private HnswVectorIndex(string directory, EmbeddingSpace space, USearchIndex graph)
    {
        _directory = directory;
        _space = space;
        _graph = graph;
    }

    public EmbeddingSpace? Space => Count == 0 ? null : _space;

    public int Count => _keyOfChunk.Count;

    public IReadOnlyCollection<string> ChunkIds => _keyOfChunk.Keys;

    private string KeysPath => Path.Combine(_directory, KeysFileName);

    /// <summary>
    /// The graph saved in <paramref name="directory"/> for <paramref name="space"/>; null when there is none, it is of
    /// another space, or its files are unreadable or disagree (then it is to be built again).
    /// </summary>
    public static HnswVectorIndex? Load(string directory, EmbeddingSpace space)
    {
        var keysPath = Path.Combine(directory, KeysFileName);
        if (!File.Exists(keysPath))
            return null;
        USearchIndex? graph = null;
        try
        {
            using var reader = new BinaryReader(new FileStream(keysPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16));
            if (reader.ReadInt32() != KeysFormat || new EmbeddingSpace(reader.ReadString(), reader.ReadInt32()) != space)
                return null;
            var graphPath = Path.Combine(directory, reader.ReadString());
            if (!File.Exists(graphPath))
                return null;
            graph = new USearchIndex(graphPath);
            var index = new HnswVectorIndex(directory, space, graph);
            var count = reader.ReadInt32();
            for (var i = 0; i < count; i++)
            {
                var key = reader.ReadUInt64();
                var chunkId = reader.ReadString();
                var documentId = new Guid(reader.ReadBytes(16));
                index._keyOfChunk[chunkId] = key;
                index._chunkOfKey[key] = (chunkId, documentId);
                index._nextKey = Math.Max(index._nextKey, key + 1);
            }
            if (graph.Dimensions() != (ulong)space.Dimensions || graph.Size() != (ulong)count)
            {
                graph.Dispose();
                return null;
            }
            return index;
        }
        catch (Exception exception) when (exception is IOException or USearchException or ArgumentException or FormatException)
        {
            graph?.Dispose();
            return null;
        }
    }

    /// <summary>Deletes the saved graph and its keys, if any.</summary>
    public static void DeleteFiles(string directory)
    {
        if (!Directory.Exists(directory))
            return;
        File.Delete(Path.Combine(directory, KeysFileName));
        foreach (var graphFile in Directory.EnumerateFiles(directory, GraphFilePattern))
            File.Delete(graphFile);
    }

    public bool Contains(string chunkId) => _keyOfChunk.ContainsKey(chunkId);

    /// <summary>Whether the graph holds <paramref name="vector"/> for <paramref name="chunkId"/> of <paramref name="documentId"/>, as given.</summary>
    public bool Holds(string chunkId, Guid documentId, ReadOnlySpan<float> vector) =>
        _keyOfChunk.TryGetValue(chunkId, out var key)
        && _chunkOfKey[key].DocumentId == documentId
        && _graph.Get(key, out float[] stored) == 1
        && stored.AsSpan().SequenceEqual(vector);

    /// <summary>Stores the vectors as given: the cosine metric needs them not normalised.</summary>
    public void Upsert(EmbeddingSpace space, IReadOnlyList<VectorEntry> entries)
    {
        if (space != _space)
            throw new EmbeddingSpaceMismatchException(_space, space);
        foreach (var entry in entries)
            ExactVectorIndex.EnsureDimensions(space, entry.ChunkId, entry.Vector.Length);
        var keys = new ulong[entries.Count];
        var vectors = new float[entries.Count][];
        for (var i = 0; i < entries.Count; i++)
        {
            var (chunkId, documentId, vector) = entries[i];
            if (_keyOfChunk.TryGetValue(chunkId, out var key))
                _graph.Remove(key);
            else
                _keyOfChunk[chunkId] = key = _nextKey++;
            _chunkOfKey[key] = (chunkId, documentId);
            keys[i] = key;
            vectors[i] = vector.ToArray();
        }
        // One call for the batch: the binding reserves capacity once per call.
        if (keys.Length > 0)
            _graph.Add(keys, vectors);
    }

    public void Delete(IEnumerable<string> chunkIds)
    {
        foreach (var chunkId in chunkIds)
        {
            if (!_keyOfChunk.Remove(chunkId, out var key))
                continue;
            _chunkOfKey.Remove(key);
            _graph.Remove(key);
        }
    }

    /// <summary>Saves the graph and its keys (a new graph file, then the keys naming it, then the old graph file goes).</summary>
    public void Sync()
    {
        Directory.CreateDirectory(_directory);
        var graphFile = $"hnsw-{Guid.NewGuid():N}.usearch";
        var graphPath = Path.Combine(_directory, graphFile);
        _graph.Save(graphPath);
        using (var saved = new FileStream(graphPath, FileMode.Open, FileAccess.ReadWrite))
            saved.Flush(flushToDisk: true);

        var temporary = KeysPath + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(KeysFormat);
            writer.Write(_space.ModelId);
            writer.Write(_space.Dimensions);
            writer.Write(graphFile);
            writer.Write(_keyOfChunk.Count);
            foreach (var (chunkId, key) in _keyOfChunk)
            {
                writer.Write(key);
                writer.Write(chunkId);
                writer.Write(_chunkOfKey[key].DocumentId.ToByteArray());
            }
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, KeysPath, overwrite: true);

        foreach (var older in Directory.EnumerateFiles(_directory, GraphFilePattern).Where(path => path != graphPath))
            File.Delete(older);
    }

    public IReadOnlyList<VectorMatch> Search(ReadOnlySpan<float> query, int topK, Func<Guid, bool>? accept)
    {
        if (Count == 0 || topK <= 0)
            return [];
        if (query.Length != _space.Dimensions)
            throw new ArgumentException(
                $"The query vector has {query.Length} dimensions but the index holds {_space.Dimensions}-dimensional vectors of {_space.ModelId}.",
                nameof(query));
        // A zero query (e.g. the embedding of a text without words) is similar to nothing, as in the exact scan.
        var norm = TensorPrimitives.Norm(query);
        if (!(norm > 0 && float.IsFinite(norm)))
            return [];

        var wanted = Math.Min(Count, accept is null ? topK : topK * ScopedOverFetch);
        // The graph searches max(expansion, wanted) candidates; asking for at least the expansion holds a graph loaded
        // from its file (which keeps the library's default expansion) to it too.
        _graph.Search(query.ToArray(), Math.Max(wanted, ExpansionSearch), out var keys, out var distances);
        var matches = new List<VectorMatch>(Math.Min(topK, keys.Length));
        for (var i = 0; i < keys.Length && matches.Count < topK; i++)
        {
            var (chunkId, documentId) = _chunkOfKey[keys[i]];
            if (accept is null || accept(documentId))
                matches.Add(new VectorMatch(chunkId, 1 - distances[i]));
        }
        return matches;
    }

    public void Dispose() => _graph.Dispose();
}
