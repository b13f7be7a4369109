using CleanRag.Domain.Common;

namespace CleanRag.Domain.Documents;

/// <summary>
/// A file of a project's knowledge, with its versions and its way through ingestion:
/// uploaded → queued → processing → indexed | failed. Deleting ends it; the history stays.
/// </summary>
public sealed class Document : AggregateRoot
{
    public Guid ProjectId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public DocumentStatus Status { get; private set; }

    /// <summary>Where the document is published, if the uploader said; null otherwise.</summary>
    public string? SourceUrl { get; private set; }

    /// <summary>The newest version (uploaded or announced).</summary>
    public int CurrentVersion { get; private set; }

    /// <summary>The newest version whose bytes are stored; 0 before any.</summary>
    public int UploadedVersion { get; private set; }
    public string? ContentHash { get; private set; }
    public long SizeBytes { get; private set; }

    public int IndexedVersion { get; private set; }
    public string? IndexedContentHash { get; private set; }
    public int IndexedChunkCount { get; private set; }
    public int? IndexedPageCount { get; private set; }

    /// <summary>The version a queued or running ingestion works on.</summary>
    public int IngestingVersion { get; private set; }

    public static IDomainEvent[] Upload(
        Guid documentId, Guid projectId, string fileName, string contentType, long sizeBytes, string contentHash, Guid by, DateTimeOffset now,
        string? sourceUrl = null) =>
    [
        new DocumentRegistered(documentId, projectId, fileName, contentType, by, now, sourceUrl),
        new DocumentVersionUploaded(documentId, 1, fileName, contentType, sizeBytes, contentHash, now),
    ];

    public static DocumentRegistered Register(
        Guid documentId, Guid projectId, string fileName, string contentType, Guid by, DateTimeOffset now, string? sourceUrl = null) =>
        new(documentId, projectId, fileName, contentType, by, now, sourceUrl);

    /// <param name="sourceUrl">The document's new published address; null keeps the current one.</param>
    public DocumentVersionRequested RequestNewVersion(string fileName, string contentType, string? sourceUrl = null)
    {
        EnsureNotDeleted();
        if (Status == DocumentStatus.PendingUpload || (CurrentVersion > UploadedVersion))
            throw new DomainRuleViolationException("upload_pending", "A version of this document is still waiting for its upload to be confirmed.");
        return new DocumentVersionRequested(Id, CurrentVersion + 1, fileName, contentType, sourceUrl);
    }

    /// <summary>Confirms the bytes of the version awaiting upload.</summary>
    public DocumentVersionUploaded ConfirmUpload(long sizeBytes, string contentHash, DateTimeOffset now)
    {
        EnsureNotDeleted();
        if (CurrentVersion == UploadedVersion)
            throw new DomainRuleViolationException("nothing_to_confirm", "No upload is waiting for confirmation.");
        return new DocumentVersionUploaded(Id, CurrentVersion, FileName, ContentType, sizeBytes, contentHash, now);
    }

    /// <summary>Whether a sync should (re)ingest this document: uploaded and not yet indexed at its current version.</summary>
    public bool NeedsIngestion =>
        Status is DocumentStatus.Uploaded or DocumentStatus.Failed
        || (Status == DocumentStatus.Indexed && IndexedVersion != UploadedVersion);

    public DocumentIngestionQueued QueueIngestion(DateTimeOffset now)
    {
        EnsureNotDeleted();
        if (UploadedVersion == 0)
            throw new DomainRuleViolationException("not_uploaded", "The document's bytes have not been uploaded yet.");
        return new DocumentIngestionQueued(Id, ProjectId, UploadedVersion, now);
    }

    /// <summary>Whether the queued version would index the very content already indexed.</summary>
    public bool ContentUnchangedSinceIndexed => IndexedContentHash is not null && IndexedContentHash == ContentHash;

    public DocumentProcessingStarted StartProcessing(int version, DateTimeOffset now) => new(Id, version, now);

    public DocumentIndexed MarkIndexed(int version, int chunkCount, int? pageCount, bool reused, DateTimeOffset now) =>
        new(Id, ProjectId, version, chunkCount, pageCount, ContentHash!, reused, now);

    /// <summary>Whether the index should hold a version of this document (the one last indexed).</summary>
    public bool ExpectedInIndex => !IsDeleted && IndexedVersion > 0;

    /// <summary>
    /// Records that the index lost the indexed version. A document at rest in "indexed" is queued to be indexed
    /// again from its stored bytes; one already queued or processing is indexed by that run (which, knowing the
    /// index lost it, will not reuse it); one whose newest version failed stays failed until a new upload.
    /// </summary>
    public IDomainEvent[] RecordIndexLost(DateTimeOffset now)
    {
        EnsureNotDeleted();
        if (!ExpectedInIndex)
            throw new DomainRuleViolationException("not_indexed", "No version of this document is indexed.");
        var lost = new DocumentIndexLost(Id, ProjectId, IndexedVersion, now);
        return Status == DocumentStatus.Indexed
            ? [lost, new DocumentIngestionQueued(Id, ProjectId, UploadedVersion, now)]
            : [lost];
    }

    public DocumentFailed MarkFailed(int version, string code, string reason, DateTimeOffset now) =>
        new(Id, ProjectId, version, code, reason, now);

    public DocumentDeleted Delete(Guid by, DateTimeOffset now)
    {
        EnsureNotDeleted();
        return new DocumentDeleted(Id, ProjectId, by, now);
    }

    public bool IsDeleted => Status == DocumentStatus.Deleted;

    private void EnsureNotDeleted()
    {
        if (IsDeleted)
            throw new DomainRuleViolationException("document_deleted", "The document was deleted.");
    }

    protected override void When(IDomainEvent domainEvent)
    {
        switch (domainEvent)
        {
            case DocumentRegistered e:
                Id = e.DocumentId;
                ProjectId = e.ProjectId;
                FileName = e.FileName;
                ContentType = e.ContentType;
                SourceUrl = e.SourceUrl;
                CurrentVersion = 1;
                Status = DocumentStatus.PendingUpload;
                break;
            case DocumentVersionRequested e:
                CurrentVersion = e.Version;
                FileName = e.FileName;
                ContentType = e.ContentType;
                SourceUrl = e.SourceUrl ?? SourceUrl;
                break;
            case DocumentVersionUploaded e:
                UploadedVersion = e.Version;
                FileName = e.FileName;
                ContentType = e.ContentType;
                SizeBytes = e.SizeBytes;
                ContentHash = e.ContentHash;
                Status = DocumentStatus.Uploaded;
                break;
            case DocumentIngestionQueued e:
                IngestingVersion = e.Version;
                Status = DocumentStatus.Queued;
                break;
            case DocumentProcessingStarted:
                Status = DocumentStatus.Processing;
                break;
            case DocumentIndexed e:
                IndexedVersion = e.Version;
                IndexedContentHash = e.ContentHash;
                IndexedChunkCount = e.ChunkCount;
                IndexedPageCount = e.PageCount;
                Status = e.Version == UploadedVersion ? DocumentStatus.Indexed : Status;
                break;
            case DocumentIndexLost:
                IndexedVersion = 0;
                IndexedContentHash = null;
                IndexedChunkCount = 0;
                IndexedPageCount = null;
                break;
            case DocumentFailed e:
                Status = e.Version == UploadedVersion ? DocumentStatus.Failed : Status;
                break;
            case DocumentDeleted:
                Status = DocumentStatus.Deleted;
                break;
            default:
                throw UnknownEvent(domainEvent);
        }
    }
}
