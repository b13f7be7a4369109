using CleanRag.Domain.Documents;

namespace CleanRag.Application.Documents;

/// <summary>Read model of a document: what the dashboard's document list shows.</summary>
public sealed class DocumentDetails
{
    public Guid Id { get; set; }
    public Guid ProjectId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";

    /// <summary>Where the document is published, if the uploader said: answers citing it link there instead of to the file.</summary>
    public string? SourceUrl { get; set; }
    public DocumentStatus Status { get; set; }
    public long SizeBytes { get; set; }
    public int? PageCount { get; set; }
    public int ChunkCount { get; set; }

    /// <summary>
    /// The newest version whose bytes are stored. (Not named Version: Marten would fill such a member
    /// with the stream version.)
    /// </summary>
    [System.Text.Json.Serialization.JsonPropertyName("version")]
    public int FileVersion { get; set; }
    public string? ContentHash { get; set; }
    public DocumentError? Error { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<DocumentVersion> Versions { get; set; } = [];
}

public sealed record DocumentError(string Code, string Reason);

public sealed record DocumentVersion(int Version, string FileName, long SizeBytes, string ContentHash, DateTimeOffset UploadedAt);
