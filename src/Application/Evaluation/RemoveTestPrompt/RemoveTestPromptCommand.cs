using CleanRag.Application.Common;
using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Evaluation.RemoveTestPrompt;

/// <summary>Removes a saved prompt; runs that already ran it keep their results.</summary>
[Authorize(CompanyRole.Admin)]
public sealed record RemoveTestPromptCommand(Guid ProjectId, Guid PromptId) : ICommand, IRetryOnConcurrencyConflict;
