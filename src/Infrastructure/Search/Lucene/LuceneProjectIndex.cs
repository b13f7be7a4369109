using System.Collections.Concurrent;
using CleanRag.Application.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using LuceneDirectory = Lucene.Net.Store.Directory;
using FSDirectory = Lucene.Net.Store.FSDirectory;

namespace CleanRag.Infrastructure.Search.Lucene;

/// <summary>
/// One project's index: a Lucene directory (BM25 over the chunk text) and, beside it, the vector index.
/// Writers (upserts, deletes) are exclusive; searches run concurrently between them.
/// <para>
/// A write is not committed and does not reopen the searcher: the next read refreshes the near-real-time searcher once
/// for every write before it (so it sees them all), and upserts are committed by <see cref="CommitIfChanged"/>, which the
/// owner calls periodically, and on close. A commit per write cost an fsync per document, and a refresh per write a tiny
/// segment per document, which then slowed every search. Upserts lost by a crash are indexed again at start-up (the
/// index is checked against the documents' indexed versions), so only deletes are committed at once: what was
/// deleted must not come back.
/// </para>
/// </summary>
internal sealed class LuceneProjectIndex : IDisposable
{
    private static readonly Similarity Bm25 = new BM25Similarity(k1: 1.2f, b: 0.75f);

    private readonly ProjectScope _scope;
    private readonly Analyzer _analyzer;
    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly SizeAdaptiveVectorIndex _vectors;
    private readonly ReaderWriterLockSlim _lock = new();
    private readonly Filter _scopeFilter;
    private readonly ChunkDocument _chunkDocument;

    // Stored fields are LZ4-compressed in blocks: reading one chunk decompresses its whole block, which was the
    // largest cost of a question. Chunks read once are kept (by chunk id, dropped when rewritten or deleted).
    private const int MaxCachedChunks = 20_000;
    private readonly ConcurrentDictionary<string, IndexedChunk> _storedChunks = new(StringComparer.Ordinal);

    // Chunks written since the searcher was last refreshed (null: deleted), so a delete by document finds the vectors to
    // drop without a refresh per write. Written under the write lock; cleared by a refresh (under _refreshGate).
    private readonly Dictionary<string, (Guid DocumentId, int Version)?> _unrefreshed = new(StringComparer.Ordinal);
    // The same chunks by document (those not deleted since), so a delete does not scan all of them: ingestion deletes a
    // document's older versions after every upsert.
    private readonly Dictionary<Guid, HashSet<string>> _unrefreshedByDocument = [];
    private const int MaxUnrefreshedChunks = 10_000;
    private readonly Lock _refreshGate = new();
    private volatile bool _searcherStale;
    private bool _uncommitted;

    /// <summary>The Lucene files' folder inside a project's index directory (the vectors sit beside it).</summary>
    public const string LuceneFolder = "lucene";

    /// <param name="approximateVectorThreshold">Above this many vectors, vector queries are answered by an HNSW graph
    /// (see <see cref="SizeAdaptiveVectorIndex"/>).</param>
    public LuceneProjectIndex(string path, ProjectScope scope, Analyzer analyzer, int approximateVectorThreshold, ILogger logger)
    {
        Path = path;
        _scope = scope;
        _analyzer = analyzer;
        System.IO.Directory.CreateDirectory(path);
        _directory = FSDirectory.Open(new DirectoryInfo(System.IO.Path.Combine(path, LuceneFolder)));
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)
        {
            Similarity = Bm25,
            OpenMode = OpenMode.CREATE_OR_APPEND,
        };
        _writer = new IndexWriter(_directory, config);
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25SearcherFactory());
        _vectors = new SizeAdaptiveVectorIndex(path, approximateVectorThreshold, logger);
        _scopeFilter = new BitSetCachingFilter(new QueryWrapperFilter(ScopeQuery(null)));
        _chunkDocument = new ChunkDocument(scope);
    }

    public string Path { get; }

    /// <summary>Set once the project was deleted: late callers holding this instance must not use it.</summary>
    public bool IsClosed { get; private set; }

    public EmbeddingSpace? EmbeddingSpace
    {
        get
        {
            _lock.EnterReadLock();
            try { return _vectors.Space; }
            finally { _lock.ExitReadLock(); }
        }
    }

    /// <summary>Returns false (nothing done) when the index was closed meanwhile.</summary>
    public bool Upsert(EmbeddingSpace space, IReadOnlyList<IndexedChunk> chunks)
    {
        _lock.EnterWriteLock();
        try
        {
            if (IsClosed)
                return false;
            // Checked before anything is written, so a refused batch leaves the index untouched.
            if (_vectors.Space is { } indexed && indexed != space && chunks.Any(c => !c.Vector.IsEmpty))
                throw new EmbeddingSpaceMismatchException(indexed, space);
            foreach (var chunk in chunks.Where(c => !c.Vector.IsEmpty))
                ExactVectorIndex.EnsureDimensions(space, chunk.ChunkId, chunk.Vector.Length);

            foreach (var chunk in chunks)
            {
                _writer.UpdateDocument(ChunkFields.ChunkTerm(chunk.ChunkId), _chunkDocument.Fill(chunk));
                _storedChunks.TryRemove(chunk.ChunkId, out _);
                MarkUnrefreshed(chunk.ChunkId, (chunk.DocumentId, chunk.DocumentVersion));
            }
            _vectors.Upsert(space, chunks
                .Where(c => !c.Vector.IsEmpty)
                .Select(c => new VectorEntry(c.ChunkId, c.DocumentId, c.Vector))
                .ToList());
            // A chunk replaced by one without a vector must not keep its old vector.
            _vectors.Delete(chunks.Where(c => c.Vector.IsEmpty).Select(c => c.ChunkId));
            _uncommitted = true;
            Written();
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public bool DeleteDocument(Guid documentId, VersionSelector versions)
    {
        var selection = new BooleanQuery
        {
            { new TermQuery(new Term(ChunkFields.DocumentId, ChunkFields.Id(documentId))), Occur.MUST },
        };
        if (versions.Only is { } only)
            selection.Add(new TermQuery(new Term(ChunkFields.DocumentVersionKey, ChunkFields.VersionKey(documentId, only))), Occur.MUST);
        if (versions.AllExcept is { } kept)
            selection.Add(new TermQuery(new Term(ChunkFields.DocumentVersionKey, ChunkFields.VersionKey(documentId, kept))), Occur.MUST_NOT);

        _lock.EnterWriteLock();
        try
        {
            if (IsClosed)
                return false;
            // The searcher does not know the chunks written since its refresh: those are looked up among them instead.
            var chunkIds = ChunkIdsMatching(selection).Where(id => !_unrefreshed.ContainsKey(id))
                .Concat(_unrefreshedByDocument.GetValueOrDefault(documentId, [])
                    .Where(chunkId => versions.Matches(_unrefreshed[chunkId]!.Value.Version)))
                .ToList();
            if (chunkIds.Count == 0)
                return true;
            _writer.DeleteDocuments(selection);
            _vectors.Delete(chunkIds);
            foreach (var chunkId in chunkIds)
            {
                _storedChunks.TryRemove(chunkId, out _);
                MarkUnrefreshed(chunkId, null);
            }
            Commit();
            Written();
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>
    /// Runs both signals over their windows, fuses them on chunk ids and reads the stored fields of the
    /// fused top <paramref name="k"/> only. Null when the index was closed meanwhile (the project was deleted).
    /// </summary>
    public IReadOnlyList<SearchHit>? Search(
        IReadOnlyList<WeightedTerm> terms, ReadOnlyMemory<float> vector, int k, FusionOptions fusion, IReadOnlyCollection<Guid>? documentIds)
    {
        var window = Math.Max(k, fusion.WindowPerSignal);
        _lock.EnterReadLock();
        try
        {
            if (IsClosed)
                return null;
            var searcher = AcquireCurrent();
            try
            {
                var filter = documentIds is null ? _scopeFilter : new QueryWrapperFilter(ScopeQuery(documentIds));
                var luceneDocs = new Dictionary<string, int>(StringComparer.Ordinal);
                var lexical = terms.Count == 0 ? [] : SearchLexical(searcher, terms, window, filter, luceneDocs);
                // A query embedded in the space this index held just before its re-embedded generation took over is
                // answered by words alone, that once.
                var inSpace = _vectors.Space is not { } space || space.Dimensions == vector.Length;
                var nearest = vector.IsEmpty || !inSpace ? [] : SearchVector(searcher, vector, window, documentIds, filter, luceneDocs);
                return RankFusion.Fuse(lexical, nearest, fusion, k)
                    .Select(hit => hit with { Chunk = StoredChunk(searcher, luceneDocs[hit.Chunk.ChunkId], hit.Chunk.ChunkId) })
                    .ToList();
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// Up to <paramref name="pageSize"/> live chunks in chunk id order after <paramref name="afterChunkId"/>, read from the
    /// terms dictionary and the stored fields. Null when the index was closed meanwhile.
    /// </summary>
    public ChunkPage? ReadChunks(string? afterChunkId, int pageSize)
    {
        _lock.EnterReadLock();
        try
        {
            if (IsClosed)
                return null;
            var searcher = AcquireCurrent();
            try
            {
                var chunks = new List<IndexedChunk>(pageSize);
                foreach (var doc in LiveChunkDocs(searcher.IndexReader, afterChunkId))
                {
                    chunks.Add(ChunkFields.ToChunk(searcher.Doc(doc)));
                    if (chunks.Count == pageSize)
                        break;
                }
                var next = chunks.Count == pageSize ? chunks[^1].ChunkId : null;
                return new ChunkPage(chunks, next, searcher.IndexReader.NumDocs);
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The ids of the live chunks. Null when the index was closed meanwhile.</summary>
    public IReadOnlySet<string>? ChunkIds()
    {
        _lock.EnterReadLock();
        try
        {
            return IsClosed ? null : ChunkIdsLocked();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Removes chunks by id; false (nothing done) when the index was closed meanwhile.</summary>
    public bool DeleteChunks(IReadOnlyCollection<string> chunkIds)
    {
        _lock.EnterWriteLock();
        try
        {
            if (IsClosed)
                return false;
            foreach (var chunkId in chunkIds)
            {
                _writer.DeleteDocuments(ChunkFields.ChunkTerm(chunkId));
                _storedChunks.TryRemove(chunkId, out _);
                MarkUnrefreshed(chunkId, null);
            }
            _vectors.Delete(chunkIds);
            Commit();
            Written();
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>
    /// Closes the index's files (for its directory to be replaced) if <paramref name="accept"/> approves its chunk ids, with
    /// writers and searches held off between the look and the close. False, and still open, otherwise.
    /// </summary>
    public bool CloseIf(Func<IReadOnlySet<string>, bool> accept)
    {
        _lock.EnterWriteLock();
        try
        {
            if (IsClosed || !accept(ChunkIdsLocked()))
                return false;
            CloseFiles();
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>The document versions this index holds. Null when the index was closed meanwhile (the project was deleted).</summary>
    public IndexedDocumentVersions? DocumentVersions()
    {
        _lock.EnterReadLock();
        try
        {
            if (IsClosed)
                return null;
            var searcher = AcquireCurrent();
            try
            {
                return DocumentVersions(searcher.IndexReader);
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The document versions with at least one live chunk in <paramref name="reader"/>, read from the terms dictionary.</summary>
    public static IndexedDocumentVersions DocumentVersions(IndexReader reader)
    {
        var versions = new List<(Guid DocumentId, int Version)>();
        foreach (var leaf in reader.Leaves)
        {
            var terms = leaf.AtomicReader.GetTerms(ChunkFields.DocumentVersionKey);
            if (terms is null)
                continue;
            var liveDocs = leaf.AtomicReader.LiveDocs;
            var termsEnum = terms.GetEnumerator();
            DocsEnum? postings = null;
            while (termsEnum.MoveNext())
            {
                // A deleted chunk keeps its terms until segments merge: only live ones count.
                postings = termsEnum.Docs(liveDocs, postings, DocsFlags.NONE);
                if (postings.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                    versions.Add(ChunkFields.ParseVersionKey(termsEnum.Term.Utf8ToString()));
            }
        }
        return new IndexedDocumentVersions(versions);
    }

    /// <summary>Closes the index for good and deletes its files.</summary>
    public void Delete()
    {
        _lock.EnterWriteLock();
        try
        {
            if (IsClosed)
                return;
            _writer.DeleteAll();
            CloseFiles(keepVectorGraph: false);
            System.IO.Directory.Delete(Path, recursive: true);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    public void Dispose()
    {
        _lock.EnterWriteLock();
        try
        {
            if (!IsClosed)
                CloseFiles();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Commits the upserts not committed yet, if any (vectors first, so no committed chunk lacks its vector).</summary>
    public void CommitIfChanged()
    {
        // Shared with searches, exclusive of writers and of closing.
        _lock.EnterReadLock();
        try
        {
            if (!IsClosed && _uncommitted)
                Commit();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <param name="keepVectorGraph">False when the files are about to be deleted: a changed graph is not saved.</param>
    private void CloseFiles(bool keepVectorGraph = true)
    {
        IsClosed = true;
        _searchers.Dispose();
        try
        {
            _vectors.Sync();
            _writer.Dispose(); // commits what is pending
        }
        catch
        {
            // Not committed (say the directory was deleted meanwhile): the write lock is let go all the same, or the
            // index could not be opened again in this process; what was lost is indexed again at the next start.
            RollBackQuietly();
            throw;
        }
        finally
        {
            _directory.Dispose();
            if (keepVectorGraph)
                _vectors.Dispose();
            else
                _vectors.Abandon();
        }
    }

    private void RollBackQuietly()
    {
        try
        {
            _writer.Rollback();
        }
        catch (Exception)
        {
            // The close's own failure is the one reported; the rollback releases the lock even when it fails.
        }
    }

    private void Commit()
    {
        _uncommitted = false;
        _vectors.Sync();
        _writer.Commit();
    }

    /// <summary>After a write: the next read refreshes the searcher; a long run of writes without reads refreshes it now and then.</summary>
    private void Written()
    {
        _searcherStale = true;
        if (_unrefreshed.Count >= MaxUnrefreshedChunks)
            Refresh();
    }

    /// <summary>Records a chunk written (or, null, deleted) since the last refresh.</summary>
    private void MarkUnrefreshed(string chunkId, (Guid DocumentId, int Version)? written)
    {
        if (_unrefreshed.GetValueOrDefault(chunkId) is { } earlier && _unrefreshedByDocument.TryGetValue(earlier.DocumentId, out var ofEarlier))
            ofEarlier.Remove(chunkId);
        _unrefreshed[chunkId] = written;
        if (written is { } chunk)
        {
            if (!_unrefreshedByDocument.TryGetValue(chunk.DocumentId, out var ofDocument))
                _unrefreshedByDocument[chunk.DocumentId] = ofDocument = new HashSet<string>(StringComparer.Ordinal);
            ofDocument.Add(chunkId);
        }
    }

    /// <summary>A searcher that sees every write made before the call (refreshed here once for all of them).</summary>
    private IndexSearcher AcquireCurrent()
    {
        if (_searcherStale)
        {
            lock (_refreshGate)
            {
                if (_searcherStale)
                    Refresh();
            }
        }
        return _searchers.Acquire();
    }

    private void Refresh()
    {
        _searchers.MaybeRefreshBlocking();
        _unrefreshed.Clear();
        _unrefreshedByDocument.Clear();
        // Only now: a reader seeing the flag down must find the refreshed searcher (no write runs meanwhile, the callers
        // hold the read or the write lock).
        _searcherStale = false;
    }

    private IndexedChunk StoredChunk(IndexSearcher searcher, int luceneDoc, string chunkId)
    {
        if (_storedChunks.TryGetValue(chunkId, out var cached))
            return cached;
        var chunk = ChunkFields.ToChunk(searcher.Doc(luceneDoc));
        if (_storedChunks.Count >= MaxCachedChunks)
            _storedChunks.Clear(); // crude but bounded; the working set refills it quickly
        _storedChunks[chunkId] = chunk;
        return chunk;
    }

    private static List<RankedCandidate> SearchLexical(
        IndexSearcher searcher, IReadOnlyList<WeightedTerm> terms, int window, Filter filter, Dictionary<string, int> luceneDocs)
    {
        var query = new BooleanQuery();
        // Expansions stay within Lucene's clause limit and, being the costly part, few: a question has few words.
        var expansions = Math.Min(MaxTypoExpandedTerms, BooleanQuery.MaxClauseCount - terms.Count);
        var contexts = TermContexts(searcher.TopReaderContext, terms);
        for (var i = 0; i < terms.Count; i++)
        {
            var (term, states) = (terms[i], contexts[i]);
            var exact = new Term(ChunkFields.Content, term.Text);
            query.Add(new TermQuery(exact, states) { Boost = term.Weight }, Occur.SHOULD);
            if (expansions > 0 && TypoExpansion(searcher.IndexReader, term.Text, states.DocFreq, term.Weight) is { } neighbours)
            {
                query.Add(neighbours, Occur.SHOULD);
                expansions--;
            }
        }
        var top = searcher.Search(query, filter, window);
        var leaves = searcher.IndexReader.Leaves;
        var ranked = new List<RankedCandidate>(top.ScoreDocs.Length);
        var bytes = new BytesRef();
        foreach (var hit in top.ScoreDocs)
        {
            var leaf = leaves[ReaderUtil.SubIndex(hit.Doc, leaves)];
            leaf.AtomicReader.GetBinaryDocValues(ChunkFields.ChunkIdValue).Get(hit.Doc - leaf.DocBase, bytes);
            var chunkId = bytes.Utf8ToString();
            luceneDocs[chunkId] = hit.Doc;
            ranked.Add(new RankedCandidate(ChunkFields.Placeholder(chunkId), hit.Score));
        }
        return ranked;
    }

    /// <summary>
    /// Each term looked up once in every segment, as <see cref="TermContext.Build"/> does, but through one terms
    /// enumerator per segment for all of them: an enumerator per term and segment was most of a question's allocations.
    /// The lookup gives the document frequency the typo expansion depends on, and the term query reuses it instead of
    /// seeking the term again.
    /// </summary>
    private static TermContext[] TermContexts(IndexReaderContext top, IReadOnlyList<WeightedTerm> terms)
    {
        var contexts = new TermContext[terms.Count];
        var bytes = new BytesRef[terms.Count];
        for (var i = 0; i < terms.Count; i++)
        {
            contexts[i] = new TermContext(top);
            bytes[i] = new BytesRef(terms[i].Text);
        }
        foreach (var leaf in top.Leaves)
        {
            if (leaf.AtomicReader.Fields?.GetTerms(ChunkFields.Content) is not { } fieldTerms)
                continue;
            var termsEnum = fieldTerms.GetEnumerator();
            for (var i = 0; i < bytes.Length; i++)
            {
                if (termsEnum.SeekExact(bytes[i]))
                    contexts[i].Register(termsEnum.GetTermState(), leaf.Ord, termsEnum.DocFreq, termsEnum.TotalTermFreq);
            }
        }
        return contexts;
    }

    /// <summary>
    /// A query term none of the project's chunks holds is likely misspelt ("servises"): it also matches the few closest
    /// words of the index's own vocabulary (Damerau-Levenshtein, the first letter kept, one edit for short words and two
    /// from six letters), each scored by BM25 like any term but at a fraction of the term's weight, so a document holding
    /// the exact word still ranks first. Null when the term needs no expansion or has no close word.
    /// </summary>
    private static Query? TypoExpansion(IndexReader reader, string term, int documentFrequency, float weight)
    {
        if (term.Length < MinimumTypoLength || documentFrequency > 0)
            return null;
        return TypoNeighbours.Expand(reader, ChunkFields.Content, term, term.Length >= TwoEditsLength ? 2 : 1, TypoExpansions, weight * TypoWeight);
    }

    private const int MinimumTypoLength = 3; // analysed (stemmed) length: "typs" is "typ"
    private const int TwoEditsLength = 6;
    private const int TypoExpansions = 3;
    private const int MaxTypoExpandedTerms = 16;
    private const float TypoWeight = 0.5f;

    private List<RankedCandidate> SearchVector(
        IndexSearcher searcher, ReadOnlyMemory<float> vector, int window, IReadOnlyCollection<Guid>? documentIds,
        Filter filter, Dictionary<string, int> luceneDocs)
    {
        var allowed = documentIds as IReadOnlySet<Guid> ?? documentIds?.ToHashSet();
        var matches = _vectors.Search(vector.Span, window, allowed is null ? null : allowed.Contains);
        var leaves = searcher.IndexReader.Leaves;
        var lookup = new ChunkLookup(leaves);
        // The scope of only the segments the matches are in, each looked at once: the cached scope filter gives its bits
        // as they are; a per-query one (some documents) is read into bits for those segments alone.
        var inScope = new IBits?[leaves.Count];
        var ranked = new List<RankedCandidate>(matches.Count);
        foreach (var match in matches)
        {
            // A vector surfaces only with its chunk, and only when that chunk passes the scope filter.
            if (lookup.Find(match.ChunkId) is not { } found)
                continue;
            var (leaf, doc) = found;
            var bits = inScope[leaf.Ord] ??= ScopeBits(filter, leaf);
            if (bits.Get(doc))
            {
                luceneDocs[match.ChunkId] = leaf.DocBase + doc;
                ranked.Add(new RankedCandidate(ChunkFields.Placeholder(match.ChunkId), match.Similarity));
            }
        }
        return ranked;
    }

    /// <summary>The documents of one segment the filter lets through, as random-access bits.</summary>
    private static IBits ScopeBits(Filter filter, AtomicReaderContext leaf)
    {
        var set = filter.GetDocIdSet(leaf, leaf.AtomicReader.LiveDocs);
        if (set?.Bits is { } bits)
            return bits;
        var scoped = new FixedBitSet(Math.Max(1, leaf.AtomicReader.MaxDoc));
        if (set?.GetIterator() is { } iterator)
            scoped.Or(iterator);
        return scoped;
    }

    private HashSet<string> ChunkIdsLocked()
    {
        var searcher = AcquireCurrent();
        try
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var doc in LiveChunkDocs(searcher.IndexReader, afterChunkId: null))
                ids.Add(ChunkFields.ChunkIdOf(searcher.IndexReader, doc));
            return ids;
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>The Lucene documents of the live chunks, in chunk id order, after <paramref name="afterChunkId"/>.</summary>
    private static IEnumerable<int> LiveChunkDocs(IndexReader reader, string? afterChunkId)
    {
        var terms = MultiFields.GetTerms(reader, ChunkFields.ChunkId);
        if (terms is null)
            yield break;
        var liveDocs = MultiFields.GetLiveDocs(reader);
        var termsEnum = terms.GetEnumerator();
        var positioned = false;
        if (afterChunkId is not null)
        {
            var status = termsEnum.SeekCeil(new BytesRef(afterChunkId));
            if (status == TermsEnum.SeekStatus.END)
                yield break;
            // On a later term than the cursor: that term is the first of the page.
            positioned = status == TermsEnum.SeekStatus.NOT_FOUND;
        }
        DocsEnum? postings = null;
        while (positioned || termsEnum.MoveNext())
        {
            positioned = false;
            postings = termsEnum.Docs(liveDocs, postings, DocsFlags.NONE);
            var doc = postings.NextDoc();
            if (doc != DocIdSetIterator.NO_MORE_DOCS)
                yield return doc;
        }
    }

    /// <summary>The chunks matching <paramref name="selection"/> as of the searcher's last refresh (not refreshed for this).</summary>
    private List<string> ChunkIdsMatching(Query selection)
    {
        var searcher = _searchers.Acquire();
        try
        {
            // Collected unscored from the doc values: no heap as large as the index, no stored fields decompressed.
            var collector = new ChunkIdCollector();
            searcher.Search(selection, _scopeFilter, collector);
            return collector.ChunkIds;
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private BooleanQuery ScopeQuery(IReadOnlyCollection<Guid>? documentIds)
    {
        var scope = new BooleanQuery
        {
            { new TermQuery(new Term(ChunkFields.Tenant, ChunkFields.Id(_scope.TenantId))), Occur.MUST },
            { new TermQuery(new Term(ChunkFields.Project, ChunkFields.Id(_scope.ProjectId))), Occur.MUST },
        };
        if (documentIds is not null)
        {
            if (documentIds.Count > BooleanQuery.MaxClauseCount)
                throw new ArgumentException(
                    $"A search can be narrowed to at most {BooleanQuery.MaxClauseCount} documents.", nameof(documentIds));
            // An empty list selects no document, hence nothing.
            var anyOf = new BooleanQuery();
            foreach (var documentId in documentIds)
                anyOf.Add(new TermQuery(new Term(ChunkFields.DocumentId, ChunkFields.Id(documentId))), Occur.SHOULD);
            scope.Add(anyOf, Occur.MUST);
        }
        return scope;
    }

    /// <summary>
    /// Caches the scope per segment as a bit set rather than a compressed id set: a bit set offers random access, so a
    /// search scores its query as if unfiltered and checks each hit's bit, instead of leap-frogging the filter.
    /// </summary>
    private sealed class BitSetCachingFilter(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
        {
            var bits = new FixedBitSet(Math.Max(1, reader.MaxDoc));
            bits.Or(iterator);
            return bits;
        }
    }

    /// <summary>
    /// Finds chunks' live Lucene documents (segment and segment-local number) through the terms dictionary, with no query
    /// and no scoring; one terms enumerator per segment serves every lookup, as opening one costs more than a seek.
    /// </summary>
    private sealed class ChunkLookup(IList<AtomicReaderContext> leaves)
    {
        private readonly TermsEnum?[] _terms = new TermsEnum?[leaves.Count];
        private DocsEnum? _postings;

        public (AtomicReaderContext Leaf, int Doc)? Find(string chunkId)
        {
            var term = new BytesRef(chunkId);
            foreach (var leaf in leaves)
            {
                var terms = _terms[leaf.Ord] ??= leaf.AtomicReader.GetTerms(ChunkFields.ChunkId)?.GetEnumerator() ?? TermsEnum.EMPTY;
                if (!terms.SeekExact(term))
                    continue;
                _postings = terms.Docs(leaf.AtomicReader.LiveDocs, _postings, DocsFlags.NONE);
                var doc = _postings.NextDoc();
                if (doc != DocIdSetIterator.NO_MORE_DOCS)
                    return (leaf, doc);
            }
            return null;
        }
    }

    /// <summary>The chunk ids of every matching document, read from the doc values.</summary>
    private sealed class ChunkIdCollector : ICollector
    {
        private readonly BytesRef _bytes = new();
        private BinaryDocValues? _chunkIds;

        public List<string> ChunkIds { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => _chunkIds = context.AtomicReader.GetBinaryDocValues(ChunkFields.ChunkIdValue);

        public void Collect(int doc)
        {
            _chunkIds!.Get(doc, _bytes);
            ChunkIds.Add(_bytes.Utf8ToString());
        }
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = Bm25 };
    }
}

/// <summary>An analysed query term and how often the query repeats it.</summary>
internal readonly record struct WeightedTerm(string Text, float Weight);
