using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Evaluation.StartTestRun;

/// <summary>
/// Queues a run of the given saved prompts and ad-hoc prompts (every saved prompt when neither is given) through the project's
/// chat as it is configured when the run executes. The run executes in the background; follow it with GetTestRun.
/// </summary>
[Authorize(CompanyRole.Admin)]
public sealed record StartTestRunCommand(Guid ProjectId, IReadOnlyList<Guid>? PromptIds, IReadOnlyList<TestPromptInput>? Prompts)
    : ICommand<TestRunSummary>;
