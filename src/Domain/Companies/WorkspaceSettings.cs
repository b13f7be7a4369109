namespace CleanRag.Domain.Companies;

/// <summary>Workspace defaults that new projects inherit.</summary>
public sealed record WorkspaceSettings(IReadOnlyList<string> AllowedOrigins, string? SystemPrompt, int DataRetentionDays)
{
    public const int DefaultRetentionDays = 365;

    public static WorkspaceSettings Default { get; } = new([], null, DefaultRetentionDays);
}
