using CleanRag.Application.Documents;
using CleanRag.Domain.Documents;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace CleanRag.Infrastructure.Persistence.Projections;

internal sealed class DocumentDetailsProjection : SingleStreamProjection<DocumentDetails, Guid>
{
    public static DocumentDetails Create(IEvent<DocumentRegistered> e) => new()
    {
        Id = e.Data.DocumentId,
        ProjectId = e.Data.ProjectId,
        FileName = e.Data.FileName,
        ContentType = e.Data.ContentType,
        SourceUrl = e.Data.SourceUrl,
        Status = DocumentStatus.PendingUpload,
        CreatedAt = e.Data.RegisteredAt,
        UpdatedAt = e.Timestamp,
    };

    public void Apply(IEvent<DocumentVersionRequested> e, DocumentDetails view)
    {
        view.SourceUrl = e.Data.SourceUrl ?? view.SourceUrl;
        view.UpdatedAt = e.Timestamp;
    }

    public void Apply(IEvent<DocumentVersionUploaded> e, DocumentDetails view)
    {
        view.FileVersion = e.Data.Version;
        view.FileName = e.Data.FileName;
        view.ContentType = e.Data.ContentType;
        view.SizeBytes = e.Data.SizeBytes;
        view.ContentHash = e.Data.ContentHash;
        view.Status = DocumentStatus.Uploaded;
        view.Error = null;
        view.Versions.Add(new DocumentVersion(e.Data.Version, e.Data.FileName, e.Data.SizeBytes, e.Data.ContentHash, e.Data.UploadedAt));
        view.UpdatedAt = e.Timestamp;
    }

    public void Apply(IEvent<DocumentIngestionQueued> e, DocumentDetails view)
    {
        view.Status = DocumentStatus.Queued;
        view.UpdatedAt = e.Timestamp;
    }

    public void Apply(IEvent<DocumentProcessingStarted> e, DocumentDetails view)
    {
        view.Status = DocumentStatus.Processing;
        view.UpdatedAt = e.Timestamp;
    }

    public void Apply(IEvent<DocumentIndexed> e, DocumentDetails view)
    {
        if (e.Data.Version == view.FileVersion)
        {
            view.Status = DocumentStatus.Indexed;
            view.Error = null;
        }
        view.ChunkCount = e.Data.ChunkCount;
        view.PageCount = e.Data.PageCount;
        view.UpdatedAt = e.Timestamp;
    }

    /// <summary>No chunk of the document is in the index any more (a queueing to index it again usually follows).</summary>
    public void Apply(IEvent<DocumentIndexLost> e, DocumentDetails view)
    {
        view.ChunkCount = 0;
        view.UpdatedAt = e.Timestamp;
    }

    public void Apply(IEvent<DocumentFailed> e, DocumentDetails view)
    {
        if (e.Data.Version == view.FileVersion)
        {
            view.Status = DocumentStatus.Failed;
            view.Error = new DocumentError(e.Data.Code, e.Data.Reason);
        }
        view.UpdatedAt = e.Timestamp;
    }

    public void Apply(IEvent<DocumentDeleted> e, DocumentDetails view)
    {
        view.Status = DocumentStatus.Deleted;
        view.UpdatedAt = e.Timestamp;
    }
}
