using CleanRag.Application.Search;
using CleanRag.Domain.Projects;

namespace CleanRag.Application.Documents.Ingestion;

/// <summary>
/// The ingestion pipeline for one document version: extract → chunk → embed → index, then drop the document's older
/// versions from the index. Safe to repeat: chunk ids are "{document}:{version}:{index}", so indexing the same version
/// again overwrites the same chunks. Bad content fails with <see cref="ExtractionFailedException"/>.
/// </summary>
public interface IDocumentIndexer
{
    Task<IndexingOutcome> IndexAsync(
        ProjectScope scope, DocumentToIndex document, Stream content, IndexingSettings settings, CancellationToken cancellationToken);
}

public sealed record DocumentToIndex(Guid DocumentId, int Version, string FileName, string ContentType);

public sealed record IndexingOutcome(int ChunkCount, int? PageCount);
