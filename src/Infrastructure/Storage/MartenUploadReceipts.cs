using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Documents;
using CleanRag.Infrastructure.Persistence;
using Marten;

namespace CleanRag.Infrastructure.Storage;

internal sealed class MartenUploadReceipts(IDocumentStore store) : IUploadReceipts
{
    public async Task<bool> TryAddAsync(UploadReceipt receipt, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Insert(receipt);
        try
        {
            await MartenEventStore.SaveAsync(session, cancellationToken);
            return true;
        }
        catch (DuplicateException)
        {
            return false;
        }
    }

    public async Task<UploadReceipt?> FindAsync(Guid documentId, int version, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<UploadReceipt>(UploadReceipt.IdFor(documentId, version), cancellationToken);
    }
}
