using System.Linq.Expressions;
using CleanRag.Application.Documents;
using CleanRag.Domain.Documents;
using Marten;
using Marten.Linq;

namespace CleanRag.Infrastructure.Persistence;

/// <summary>
/// A compiled query: Marten translates its LINQ once per process instead of on every chat, which was a large share of
/// the chat's CPU (docs/benchmarks.md, "Chat under load").
/// </summary>
internal sealed class MartenIndexedDocuments(IQuerySession session) : IIndexedDocuments
{
    public Task<bool> AnyAsync(Guid projectId, CancellationToken cancellationToken) =>
        session.QueryAsync(new AnyIndexedDocument { ProjectId = projectId }, cancellationToken);

    internal sealed class AnyIndexedDocument : ICompiledQuery<DocumentDetails, bool>
    {
        public Guid ProjectId { get; init; }

        public Expression<Func<IMartenQueryable<DocumentDetails>, bool>> QueryIs() =>
            documents => documents.Any(d => d.ProjectId == ProjectId && d.Status == DocumentStatus.Indexed);
    }
}
