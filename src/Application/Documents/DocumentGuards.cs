using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Documents;

namespace CleanRag.Application.Documents;

internal static class DocumentGuards
{
    /// <summary>The document, for a change, only if it belongs to the project and is not deleted.</summary>
    public static async Task<Document> LoadDocumentForUpdateAsync(this IAggregateStore aggregates, Guid projectId, Guid documentId, CancellationToken cancellationToken)
    {
        var document = await aggregates.LoadForUpdateAsync<Document>(documentId, cancellationToken);
        if (document is null || document.ProjectId != projectId || document.IsDeleted)
            throw new NotFoundException("Document");
        return document;
    }
}
