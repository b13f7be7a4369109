using CleanRag.Application.Common;
using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Evaluation.ChangeTestPrompt;

/// <summary>
/// Partial update: a new question (null keeps it), and, when <paramref name="ReplacesExpectation"/>, a new expectation as a whole
/// (what a good answer must show is one statement: switching to mustRefuse drops the expected document and words).
/// </summary>
[Authorize(CompanyRole.Admin)]
public sealed record ChangeTestPromptCommand(
    Guid ProjectId, Guid PromptId, string? Question, bool ReplacesExpectation, Guid? ExpectedDocumentId = null, string? ExpectedDocument = null,
    int? ExpectedPage = null, IReadOnlyList<string>? MustContain = null, bool? MustRefuse = null)
    : ICommand<TestPromptView>, ITestPromptInput, IRetryOnConcurrencyConflict;
