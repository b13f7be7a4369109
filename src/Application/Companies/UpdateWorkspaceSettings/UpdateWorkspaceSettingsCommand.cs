using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Companies.UpdateWorkspaceSettings;

/// <summary>Partial update: fields left null keep their value.</summary>
[Authorize(CompanyRole.Admin)]
public sealed record UpdateWorkspaceSettingsCommand(IReadOnlyList<string>? AllowedOrigins, string? SystemPrompt, int? DataRetentionDays)
    : ICommand<WorkspaceSettings>;
