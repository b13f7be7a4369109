using CleanRag.Application.Documents;
using CleanRag.Application.Plans;
using CleanRag.Application.Projects;
using CleanRag.Domain.Documents;
using CleanRag.Domain.Projects;
using Marten;

namespace CleanRag.Infrastructure.Persistence;

/// <summary>Counts in the database (tenant-scoped query session), never by loading the read models.</summary>
internal sealed class MartenPlanUsageReader(IQuerySession session) : IPlanUsageReader
{
    public async Task<int> CountProjectsAsync(CancellationToken cancellationToken) =>
        await session.Query<ProjectDetails>().CountAsync(p => p.Status != ProjectStatus.Archived, cancellationToken);

    public async Task<StoredDocuments> StoredDocumentsAsync(Guid? excludingDocumentId, CancellationToken cancellationToken)
    {
        var excluded = excludingDocumentId ?? Guid.Empty;
        var stored = session.Query<DocumentDetails>()
            .Where(d => d.Status != DocumentStatus.PendingUpload && d.Status != DocumentStatus.Deleted && d.Id != excluded);
        return new StoredDocuments(await stored.CountAsync(cancellationToken), await stored.SumAsync(d => d.SizeBytes, cancellationToken));
    }

    public async Task<MessageCounts> CountMessagesAsync(BillingPeriod period, CancellationToken cancellationToken)
    {
        var inPeriod = session.Query<MeteredMessage>().Where(m => m.AskedAt >= period.Start && m.AskedAt < period.End);
        return new MessageCounts(
            await inPeriod.CountAsync(m => !m.IsTest, cancellationToken),
            await inPeriod.CountAsync(m => m.IsTest, cancellationToken));
    }
}
