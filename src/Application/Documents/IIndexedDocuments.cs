namespace CleanRag.Application.Documents;

/// <summary>Whether a project has documents to answer from, asked on every chat: kept apart so it can be a prepared query.</summary>
public interface IIndexedDocuments
{
    /// <summary>True when at least one of the project's documents is indexed (in the read models, tenant-scoped).</summary>
    Task<bool> AnyAsync(Guid projectId, CancellationToken cancellationToken);
}
