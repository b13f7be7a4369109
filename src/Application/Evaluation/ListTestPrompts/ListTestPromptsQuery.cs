using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Evaluation.ListTestPrompts;

/// <summary>The project's saved test prompts, oldest first.</summary>
[Authorize(CompanyRole.Member)]
public sealed record ListTestPromptsQuery(Guid ProjectId) : IQuery<IReadOnlyList<TestPromptView>>;
