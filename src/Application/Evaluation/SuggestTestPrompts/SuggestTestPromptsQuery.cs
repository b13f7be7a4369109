using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Evaluation.SuggestTestPrompts;

/// <summary>
/// Test prompts proposed from the project's own indexed documents (see <see cref="TestPromptSuggester"/>); nothing is saved until an
/// admin adds the ones they want.
/// </summary>
[Authorize(CompanyRole.Member)]
public sealed record SuggestTestPromptsQuery(Guid ProjectId, int Limit) : IQuery<IReadOnlyList<SuggestedTestPrompt>>;

/// <summary>A proposed prompt, in the shape POST …/test-prompts takes, with where it came from.</summary>
public sealed record SuggestedTestPrompt(
    string Question, Guid ExpectedDocumentId, string ExpectedDocument, int? ExpectedPage, IReadOnlyList<string> MustContain, string Basis);
