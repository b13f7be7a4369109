using System.Numerics.Tensors;
using System.Text.Json;
using CleanRag.Application.Search;

namespace CleanRag.Infrastructure.Search.Lucene;

/// <summary>
/// Exact cosine search over L2-normalised float32 vectors held in one contiguous array (slot i at
/// [i * dims, (i + 1) * dims)), scanned with SIMD dot products. The scan costs about 0.1 ms per 1,000 vectors, so
/// above ~100,000 a project's vector queries are answered by an HNSW graph built from this index (see
/// <see cref="SizeAdaptiveVectorIndex"/>); this index stays the source of truth.
/// <para>
/// Persistence: an append-only log of upserts and deletes (<c>vectors.log</c>: chunk id, document id,
/// float32 components), replayed on open and compacted when it holds mostly superseded records, plus
/// <c>manifest.json</c> recording the embedding space. A record cut short by a crash is dropped on replay.
/// </para>
/// </summary>
internal sealed class ExactVectorIndex : IVectorIndex
{
    private const string LogFileName = "vectors.log";
    private const string ManifestFileName = "manifest.json";
    private const byte UpsertRecord = 1;
    private const byte DeleteRecord = 2;
    private const int MinimumRecordsBeforeCompaction = 1024;

    private readonly string _directory;
    private readonly Dictionary<string, int> _slotOfChunk = new(StringComparer.Ordinal);
    private float[] _vectors = [];
    private string[] _chunkIds = [];
    private Guid[] _documentIds = [];
    private int _dimensions;
    private long _logRecords;
    private FileStream? _log;
    private BinaryWriter? _logWriter;

    public ExactVectorIndex(string directory)
    {
        _directory = directory;
        Space = ReadManifest();
        if (Space is not null)
        {
            _dimensions = Space.Dimensions;
            Replay();
        }
    }

    public EmbeddingSpace? Space { get; private set; }

    public int Count { get; private set; }

    private string LogPath => Path.Combine(_directory, LogFileName);
    private string ManifestPath => Path.Combine(_directory, ManifestFileName);

    public void Upsert(EmbeddingSpace space, IReadOnlyList<VectorEntry> entries)
    {
        if (entries.Count == 0)
            return;
        if (Space is not null && Space != space)
            throw new EmbeddingSpaceMismatchException(Space, space);
        foreach (var entry in entries)
            EnsureDimensions(space, entry.ChunkId, entry.Vector.Length);
        if (Space is null)
        {
            Space = space;
            _dimensions = space.Dimensions;
            WriteManifest(space);
        }

        var writer = LogWriter();
        var normalised = new float[_dimensions];
        foreach (var entry in entries)
        {
            Normalise(entry.Vector.Span, normalised);
            Store(entry.ChunkId, entry.DocumentId, normalised);
            writer.Write(UpsertRecord);
            writer.Write(entry.ChunkId);
            writer.Write(entry.DocumentId.ToByteArray());
            foreach (var component in normalised)
                writer.Write(component);
            _logRecords++;
        }
        writer.Flush();
        CompactIfMostlyGarbage();
    }

    public void Delete(IEnumerable<string> chunkIds)
    {
        var removed = 0;
        foreach (var chunkId in chunkIds)
        {
            if (!Remove(chunkId))
                continue;
            removed++;
            var writer = LogWriter();
            writer.Write(DeleteRecord);
            writer.Write(chunkId);
            _logRecords++;
        }
        if (removed == 0)
            return;
        _logWriter!.Flush();
        if (Count == 0)
            Reset();
        else
            CompactIfMostlyGarbage();
    }

    public void Sync()
    {
        _logWriter?.Flush();
        _log?.Flush(flushToDisk: true);
    }

    public static void EnsureDimensions(EmbeddingSpace space, string chunkId, int dimensions)
    {
        if (dimensions != space.Dimensions)
            throw new ArgumentException(
                $"Chunk {chunkId} has a vector of {dimensions} dimensions; {space.ModelId} has {space.Dimensions}.");
    }

    public IReadOnlyList<VectorMatch> Search(ReadOnlySpan<float> query, int topK, Func<Guid, bool>? accept)
    {
        if (Count == 0 || topK <= 0)
            return [];
        if (query.Length != _dimensions)
            throw new ArgumentException(
                $"The query vector has {query.Length} dimensions but the index holds {_dimensions}-dimensional vectors of {Space!.ModelId}.",
                nameof(query));

        var normalisedQuery = new float[_dimensions];
        // A zero query (e.g. the embedding of a text without words) is similar to nothing.
        if (!Normalise(query, normalisedQuery))
            return [];
        // Min-heap of the best topK so far: its root is the weakest match kept.
        var best = new PriorityQueue<int, (float Similarity, int Slot)>(topK + 1, WeakestFirst.Instance);
        var vectors = _vectors.AsSpan();
        for (var slot = 0; slot < Count; slot++)
        {
            if (accept is not null && !accept(_documentIds[slot]))
                continue;
            var similarity = TensorPrimitives.Dot(vectors.Slice(slot * _dimensions, _dimensions), normalisedQuery);
            if (best.Count < topK)
                best.Enqueue(slot, (similarity, slot));
            else if (best.TryPeek(out _, out var weakest) && WeakestFirst.Instance.Compare((similarity, slot), weakest) > 0)
                best.EnqueueDequeue(slot, (similarity, slot));
        }

        var matches = new VectorMatch[best.Count];
        for (var i = matches.Length - 1; i >= 0; i--)
        {
            best.TryDequeue(out var slot, out var priority);
            matches[i] = new VectorMatch(_chunkIds[slot], priority.Similarity);
        }
        return matches;
    }

    /// <summary>The ids of the stored chunks, copied (for an approximate index to be built from this one).</summary>
    public string[] ChunkIds() => _chunkIds[..Count];

    /// <summary>Copies the stored (normalised) vector of <paramref name="chunkId"/>; false when it is not stored.</summary>
    public bool TryRead(string chunkId, out Guid documentId, Span<float> normalised)
    {
        if (!_slotOfChunk.TryGetValue(chunkId, out var slot))
        {
            documentId = Guid.Empty;
            return false;
        }
        documentId = _documentIds[slot];
        _vectors.AsSpan(slot * _dimensions, _dimensions).CopyTo(normalised);
        return true;
    }

    public void Dispose()
    {
        _logWriter?.Dispose();
        _log?.Dispose();
        _logWriter = null;
        _log = null;
    }

    /// <summary>False for a zero (or non-finite) vector, which is stored as zeros: similar to nothing rather than NaN to everything.</summary>
    private static bool Normalise(ReadOnlySpan<float> vector, Span<float> destination)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0 && float.IsFinite(norm))
        {
            TensorPrimitives.Divide(vector, norm, destination);
            return true;
        }
        destination.Clear();
        return false;
    }

    private void Store(string chunkId, Guid documentId, ReadOnlySpan<float> normalised)
    {
        if (!_slotOfChunk.TryGetValue(chunkId, out var slot))
        {
            slot = Count++;
            EnsureCapacity(Count);
            _slotOfChunk[chunkId] = slot;
            _chunkIds[slot] = chunkId;
        }
        _documentIds[slot] = documentId;
        normalised.CopyTo(_vectors.AsSpan(slot * _dimensions, _dimensions));
    }

    /// <summary>Moves the last slot into the freed one, so the live vectors stay contiguous.</summary>
    private bool Remove(string chunkId)
    {
        if (!_slotOfChunk.Remove(chunkId, out var slot))
            return false;
        var last = --Count;
        if (slot != last)
        {
            _vectors.AsSpan(last * _dimensions, _dimensions).CopyTo(_vectors.AsSpan(slot * _dimensions, _dimensions));
            _chunkIds[slot] = _chunkIds[last];
            _documentIds[slot] = _documentIds[last];
            _slotOfChunk[_chunkIds[slot]] = slot;
        }
        _chunkIds[last] = null!;
        return true;
    }

    private void EnsureCapacity(int count)
    {
        if (count <= _chunkIds.Length)
            return;
        var capacity = Math.Max(count, Math.Max(64, _chunkIds.Length * 2));
        Array.Resize(ref _chunkIds, capacity);
        Array.Resize(ref _documentIds, capacity);
        Array.Resize(ref _vectors, capacity * _dimensions);
    }

    private void Replay()
    {
        if (!File.Exists(LogPath))
            return;
        long validLength = 0;
        using (var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
        using (var reader = new BinaryReader(stream))
        {
            var vector = new float[_dimensions];
            var guid = new byte[16];
            try
            {
                while (stream.Position < stream.Length)
                {
                    var kind = reader.ReadByte();
                    var chunkId = reader.ReadString();
                    if (kind == UpsertRecord)
                    {
                        if (reader.Read(guid, 0, 16) != 16)
                            break;
                        for (var i = 0; i < vector.Length; i++)
                            vector[i] = reader.ReadSingle();
                        Store(chunkId, new Guid(guid), vector);
                    }
                    else if (kind == DeleteRecord)
                        Remove(chunkId);
                    else
                        break;
                    _logRecords++;
                    validLength = stream.Position;
                }
            }
            catch (EndOfStreamException)
            {
                // The last record was cut short (the process died while appending it): keep what precedes it.
            }
        }
        if (validLength < new FileInfo(LogPath).Length)
        {
            using var truncate = new FileStream(LogPath, FileMode.Open, FileAccess.Write);
            truncate.SetLength(validLength);
        }
        CompactIfMostlyGarbage();
    }

    private BinaryWriter LogWriter()
    {
        if (_logWriter is not null)
            return _logWriter;
        Directory.CreateDirectory(_directory);
        _log = new FileStream(LogPath, FileMode.Append, FileAccess.Write, FileShare.Read, 1 << 16);
        return _logWriter = new BinaryWriter(_log);
    }

    private void CompactIfMostlyGarbage()
    {
        if (_logRecords < MinimumRecordsBeforeCompaction || _logRecords < 2L * Count)
            return;
        Dispose();
        var compacted = LogPath + ".compacting";
        using (var stream = new FileStream(compacted, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new BinaryWriter(stream))
        {
            for (var slot = 0; slot < Count; slot++)
            {
                writer.Write(UpsertRecord);
                writer.Write(_chunkIds[slot]);
                writer.Write(_documentIds[slot].ToByteArray());
                foreach (var component in _vectors.AsSpan(slot * _dimensions, _dimensions))
                    writer.Write(component);
            }
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
        File.Move(compacted, LogPath, overwrite: true);
        _logRecords = Count;
    }

    /// <summary>Once the last vector is gone, the index forgets its space so another model can be used.</summary>
    private void Reset()
    {
        Dispose();
        File.Delete(LogPath);
        File.Delete(ManifestPath);
        Space = null;
        _logRecords = 0;
        _slotOfChunk.Clear();
        _vectors = [];
        _chunkIds = [];
        _documentIds = [];
    }

    private EmbeddingSpace? ReadManifest() =>
        File.Exists(ManifestPath)
            ? JsonSerializer.Deserialize<EmbeddingSpace>(File.ReadAllText(ManifestPath))
            : null;

    private void WriteManifest(EmbeddingSpace space)
    {
        Directory.CreateDirectory(_directory);
        var temporary = ManifestPath + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(space));
        File.Move(temporary, ManifestPath, overwrite: true);
    }

    /// <summary>Orders matches weakest first; equal similarities rank the later slot weaker, for stable results.</summary>
    private sealed class WeakestFirst : IComparer<(float Similarity, int Slot)>
    {
        public static readonly WeakestFirst Instance = new();

        public int Compare((float Similarity, int Slot) x, (float Similarity, int Slot) y)
        {
            var bySimilarity = x.Similarity.CompareTo(y.Similarity);
            return bySimilarity != 0 ? bySimilarity : y.Slot.CompareTo(x.Slot);
        }
    }
}
