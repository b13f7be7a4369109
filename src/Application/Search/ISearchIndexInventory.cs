namespace CleanRag.Application.Search;

/// <summary>
/// What an index holds, for an engine whose files live beside the process and can be lost while the database
/// still says the documents are indexed (the embedded engine). An external engine does not need it.
/// </summary>
public interface ISearchIndexInventory
{
    /// <summary>The document versions with chunks in the project's committed index; none when it has no index.</summary>
    Task<IndexedDocumentVersions> ListDocumentVersionsAsync(ProjectScope scope, CancellationToken cancellationToken);
}

/// <summary>A set of (document, version) pairs an index holds chunks of.</summary>
public sealed class IndexedDocumentVersions(IEnumerable<(Guid DocumentId, int Version)> versions)
{
    private readonly HashSet<(Guid DocumentId, int Version)> _versions = [.. versions];

    public static IndexedDocumentVersions None { get; } = new([]);

    public int Count => _versions.Count;

    public bool Contains(Guid documentId, int version) => _versions.Contains((documentId, version));
}
