using CleanRag.Domain.Common;

namespace CleanRag.Domain.Documents;

/// <summary>A document record exists; its first version's bytes may still be on their way (presigned upload).</summary>
/// <param name="SourceUrl">Where the document is published (absolute http(s) URL), if the uploader said: answers citing it link there.</param>
public sealed record DocumentRegistered(
    Guid DocumentId, Guid ProjectId, string FileName, string ContentType, Guid RegisteredBy, DateTimeOffset RegisteredAt, string? SourceUrl = null)
    : IDomainEvent;

/// <summary>A new version of the file is announced (replace flow); its bytes follow with the confirm.</summary>
/// <param name="SourceUrl">The document's new published address; null keeps the one it had.</param>
public sealed record DocumentVersionRequested(Guid DocumentId, int Version, string FileName, string ContentType, string? SourceUrl = null)
    : IDomainEvent;

/// <summary>The bytes of a version are stored (content-addressed by <paramref name="ContentHash"/>).</summary>
public sealed record DocumentVersionUploaded(
    Guid DocumentId, int Version, string FileName, string ContentType, long SizeBytes, string ContentHash, DateTimeOffset UploadedAt)
    : IDomainEvent;

public sealed record DocumentIngestionQueued(Guid DocumentId, Guid ProjectId, int Version, DateTimeOffset QueuedAt) : IDomainEvent;

public sealed record DocumentProcessingStarted(Guid DocumentId, int Version, DateTimeOffset StartedAt) : IDomainEvent;

/// <summary>A version is searchable. <paramref name="Reused"/>: its content was unchanged, nothing was re-extracted.</summary>
public sealed record DocumentIndexed(
    Guid DocumentId, Guid ProjectId, int Version, int ChunkCount, int? PageCount, string ContentHash, bool Reused, DateTimeOffset IndexedAt)
    : IDomainEvent;

/// <summary>
/// The search index no longer holds the indexed version (its files were lost or restored from an older copy):
/// the document is not searchable until it is indexed again.
/// </summary>
public sealed record DocumentIndexLost(Guid DocumentId, Guid ProjectId, int Version, DateTimeOffset DetectedAt) : IDomainEvent;

public sealed record DocumentFailed(Guid DocumentId, Guid ProjectId, int Version, string Code, string Reason, DateTimeOffset FailedAt)
    : IDomainEvent;

/// <summary>The document is gone from the project (blob and index entries are removed); its history stays.</summary>
public sealed record DocumentDeleted(Guid DocumentId, Guid ProjectId, Guid DeletedBy, DateTimeOffset DeletedAt) : IDomainEvent;
