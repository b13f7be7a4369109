using CleanRag.Application.Search;
using CleanRag.Domain.Documents;

namespace CleanRag.Application.Documents.RestoreSearchIndex;

/// <summary>Whether the search index is behind a document: the version last indexed is not in it.</summary>
public static class SearchIndexGap
{
    /// <summary>
    /// The cheap first look, on the read model. A document at rest in "indexed" is fine when the index holds its
    /// newest version. Any other live document may still have an older version indexed (a newer one uploaded,
    /// queued or failed), which only its aggregate knows; one never uploaded or deleted has nothing to hold.
    /// </summary>
    public static bool MayBeMissing(DocumentDetails document, IndexedDocumentVersions indexed) => document.Status switch
    {
        DocumentStatus.Indexed => !indexed.Contains(document.Id, document.FileVersion),
        DocumentStatus.PendingUpload or DocumentStatus.Deleted => false,
        _ => true,
    };

    /// <summary>The decision, on the aggregate: a version was indexed and the index does not hold it.</summary>
    public static bool IsMissing(Document document, IndexedDocumentVersions indexed) =>
        document.ExpectedInIndex && !indexed.Contains(document.Id, document.IndexedVersion);
}
