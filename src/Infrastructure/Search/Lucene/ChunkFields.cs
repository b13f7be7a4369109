using CleanRag.Application.Search;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace CleanRag.Infrastructure.Search.Lucene;

/// <summary>How an <see cref="IndexedChunk"/> is laid out in a Lucene document, and read back for citations.</summary>
internal static class ChunkFields
{
    public const string ChunkId = "chunk_id";
    /// <summary>The chunk id as a doc value: ranking needs only ids, read without decompressing stored fields.</summary>
    public const string ChunkIdValue = "chunk_id_value";
    public const string Tenant = "tenant";
    public const string Project = "project";
    public const string DocumentId = "document_id";
    public const string DocumentVersion = "document_version";
    /// <summary>"{documentId}:{version}", one term to select a single version in deletes.</summary>
    public const string DocumentVersionKey = "document_version_key";
    /// <summary>The analysed, searched field: title and text together.</summary>
    public const string Content = "content";
    public const string Title = "title";
    public const string Text = "text";
    public const string HeadingPath = "heading_path";
    public const string PageStart = "page_start";
    public const string PageEnd = "page_end";
    /// <summary>Where later pages begin in the text (<see cref="PageBreak.Format"/>); absent on one-page chunks and older ones.</summary>
    public const string PageBreaks = "page_breaks";
    public const string CharStart = "char_start";
    public const string CharEnd = "char_end";

    public static string Id(Guid value) => value.ToString("N");

    public static string VersionKey(Guid documentId, int version) => $"{Id(documentId)}:{version}";

    public static (Guid DocumentId, int Version) ParseVersionKey(string key)
    {
        var separator = key.IndexOf(':', StringComparison.Ordinal);
        return (Guid.ParseExact(key[..separator], "N"), int.Parse(key[(separator + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The chunk as stored; its vector is not returned (citations do not need it).</summary>
    public static IndexedChunk ToChunk(Document document) => new(
        document.Get(ChunkId),
        Guid.ParseExact(document.Get(DocumentId), "N"),
        document.GetField(DocumentVersion).GetInt32Value() ?? 0,
        document.Get(Title) ?? "",
        document.Get(Text) ?? "",
        document.Get(HeadingPath),
        document.GetField(PageStart)?.GetInt32Value(),
        document.GetField(PageEnd)?.GetInt32Value(),
        document.GetField(CharStart).GetInt32Value() ?? 0,
        document.GetField(CharEnd).GetInt32Value() ?? 0,
        ReadOnlyMemory<float>.Empty,
        PageBreak.Parse(document.Get(PageBreaks)));

    public static Term ChunkTerm(string chunkId) => new(ChunkId, chunkId);

    /// <summary>A document's chunk id from its doc value, without decompressing its stored fields.</summary>
    public static string ChunkIdOf(IndexReader reader, int doc)
    {
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var bytes = new BytesRef();
        leaf.AtomicReader.GetBinaryDocValues(ChunkIdValue).Get(doc - leaf.DocBase, bytes);
        return bytes.Utf8ToString();
    }

    /// <summary>Stands for a chunk during fusion, which needs only its id; replaced by the stored chunk afterwards.</summary>
    public static IndexedChunk Placeholder(string chunkId) =>
        new(chunkId, Guid.Empty, 0, "", "", null, null, null, 0, 0, ReadOnlyMemory<float>.Empty);
}
