using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Evaluation.ListTestRuns;

/// <summary>The project's test runs, newest first, one page at a time.</summary>
[Authorize(CompanyRole.Member)]
public sealed record ListTestRunsQuery(Guid ProjectId, int Page, int PageSize) : IQuery<IReadOnlyList<TestRunSummary>>;
