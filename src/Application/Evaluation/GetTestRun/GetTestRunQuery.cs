using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Evaluation.GetTestRun;

/// <summary>A test run with each prompt's result and the comparison with the project's previous completed run.</summary>
[Authorize(CompanyRole.Member)]
public sealed record GetTestRunQuery(Guid ProjectId, Guid RunId) : IQuery<TestRunView>;
