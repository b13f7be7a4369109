using CleanRag.Application.Common;
using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Evaluation.AddTestPrompt;

/// <summary>Saves a test prompt of the project: a question and what a good answer must show.</summary>
[Authorize(CompanyRole.Admin)]
public sealed record AddTestPromptCommand(
    Guid ProjectId, string? Question, Guid? ExpectedDocumentId = null, string? ExpectedDocument = null, int? ExpectedPage = null,
    IReadOnlyList<string>? MustContain = null, bool? MustRefuse = null) : ICommand<TestPromptView>, ITestPromptInput, IRetryOnConcurrencyConflict;
