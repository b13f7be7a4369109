using System.Runtime.CompilerServices;
using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Leads.ExportLeads;

public sealed class ExportLeadsQueryHandler(IReadStore readStore) : IQueryHandler<ExportLeadsQuery, IAsyncEnumerable<LeadView>>
{
    public const int BatchSize = 500;

    public async ValueTask<IAsyncEnumerable<LeadView>> Handle(ExportLeadsQuery query, CancellationToken cancellationToken)
    {
        // Checked before the answer starts, so an unknown project is still a 404 rather than a broken download.
        await readStore.EnsureFilterProjectExistsAsync(query, cancellationToken);
        return ReadAsync(query, cancellationToken);
    }

    /// <summary>
    /// Oldest first by offset: a lead captured during the export lands after the rows already read, so none is read twice
    /// or skipped; memory holds one batch, whatever the size of the export.
    /// </summary>
    private async IAsyncEnumerable<LeadView> ReadAsync(ExportLeadsQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var offset = 0; ; offset += BatchSize)
        {
            var batch = await readStore.ListAsync<LeadDetails>(all => all.Matching(query)
                .OrderBy(l => l.CreatedAt).ThenBy(l => l.Id)
                .Skip(offset)
                .Take(BatchSize), cancellationToken);
            foreach (var lead in batch)
                yield return LeadView.From(lead);
            if (batch.Count < BatchSize)
                yield break;
        }
    }
}
