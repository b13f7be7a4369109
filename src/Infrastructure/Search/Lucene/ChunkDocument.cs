using CleanRag.Application.Search;
using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace CleanRag.Infrastructure.Search.Lucene;

/// <summary>
/// The Lucene document of an <see cref="IndexedChunk"/> (<see cref="ChunkFields"/>), built from fields that are refilled
/// for every chunk of a project index rather than created anew. A new field costs a token stream per indexed id field,
/// whose attributes Lucene.NET creates under a process-wide lock: 18 % of a write's time in a profile of
/// <c>tools/EngineBench</c>. Lucene reads the document during <c>UpdateDocument</c> only, so one instance serves every
/// write; it is not thread-safe (the project index writes under its write lock).
/// </summary>
internal sealed class ChunkDocument(ProjectScope scope)
{
    private readonly StringField _chunkId = new(ChunkFields.ChunkId, "", Field.Store.YES);
    private readonly BinaryDocValuesField _chunkIdValue = new(ChunkFields.ChunkIdValue, new BytesRef());
    private readonly StringField _tenant = new(ChunkFields.Tenant, ChunkFields.Id(scope.TenantId), Field.Store.NO);
    private readonly StringField _project = new(ChunkFields.Project, ChunkFields.Id(scope.ProjectId), Field.Store.NO);
    private readonly StringField _documentId = new(ChunkFields.DocumentId, "", Field.Store.YES);
    private readonly StringField _documentVersionKey = new(ChunkFields.DocumentVersionKey, "", Field.Store.NO);
    private readonly StoredField _documentVersion = new(ChunkFields.DocumentVersion, 0);
    private readonly TextField _content = new(ChunkFields.Content, "", Field.Store.NO);
    private readonly StoredField _title = new(ChunkFields.Title, "");
    private readonly StoredField _text = new(ChunkFields.Text, "");
    private readonly StoredField _charStart = new(ChunkFields.CharStart, 0);
    private readonly StoredField _charEnd = new(ChunkFields.CharEnd, 0);
    private readonly StoredField _headingPath = new(ChunkFields.HeadingPath, "");
    private readonly StoredField _pageStart = new(ChunkFields.PageStart, 0);
    private readonly StoredField _pageEnd = new(ChunkFields.PageEnd, 0);
    private readonly StoredField _pageBreaks = new(ChunkFields.PageBreaks, "");

    /// <summary>The chunk's document, valid until the next call.</summary>
    public Document Fill(IndexedChunk chunk)
    {
        _chunkId.SetStringValue(chunk.ChunkId);
        _chunkIdValue.SetBytesValue(new BytesRef(chunk.ChunkId));
        _documentId.SetStringValue(ChunkFields.Id(chunk.DocumentId));
        _documentVersionKey.SetStringValue(ChunkFields.VersionKey(chunk.DocumentId, chunk.DocumentVersion));
        _documentVersion.SetInt32Value(chunk.DocumentVersion);
        _content.SetStringValue($"{chunk.DocumentTitle}\n{chunk.Text}");
        _title.SetStringValue(chunk.DocumentTitle);
        _text.SetStringValue(chunk.Text);
        _charStart.SetInt32Value(chunk.CharStart);
        _charEnd.SetInt32Value(chunk.CharEnd);
        var document = new Document
        {
            _chunkId, _chunkIdValue, _tenant, _project, _documentId, _documentVersionKey, _documentVersion,
            _content, _title, _text, _charStart, _charEnd,
        };
        if (chunk.HeadingPath is not null)
        {
            _headingPath.SetStringValue(chunk.HeadingPath);
            document.Add(_headingPath);
        }
        if (chunk.PageStart is { } pageStart)
        {
            _pageStart.SetInt32Value(pageStart);
            document.Add(_pageStart);
        }
        if (chunk.PageEnd is { } pageEnd)
        {
            _pageEnd.SetInt32Value(pageEnd);
            document.Add(_pageEnd);
        }
        if (PageBreak.Format(chunk.PageBreaks) is { } pageBreaks)
        {
            _pageBreaks.SetStringValue(pageBreaks);
            document.Add(_pageBreaks);
        }
        return document;
    }
}
