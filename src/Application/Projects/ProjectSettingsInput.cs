using CleanRag.Application.Common.Validation;
using CleanRag.Domain.Projects;
using FluentValidation;

namespace CleanRag.Application.Projects;

/// <summary>Settings given on create or update; null fields keep the current (or inherited) value.</summary>
public sealed record ProjectSettingsInput(
    IReadOnlyList<string>? AllowedOrigins = null,
    string? SystemPrompt = null,
    string? Model = null,
    int? QuestionMaxLength = null,
    RetrievalSettingsInput? Retrieval = null,
    IndexingSettingsInput? Indexing = null,
    bool? WidgetEnabled = null,
    RateLimitSettingsInput? RateLimits = null)
{
    public bool IsEmpty => this == new ProjectSettingsInput();

    public ProjectSettings ApplyTo(ProjectSettings current) => new(
        AllowedOrigins ?? current.AllowedOrigins,
        SystemPrompt ?? current.SystemPrompt,
        Model ?? current.Model,
        QuestionMaxLength ?? current.QuestionMaxLength,
        new RetrievalSettings(
            Retrieval?.TopK ?? current.Retrieval.TopK,
            Retrieval?.LexicalWeight ?? current.Retrieval.LexicalWeight,
            Retrieval?.MinimumRelevance ?? current.Retrieval.MinimumRelevance),
        new IndexingSettings(
            Indexing?.ChunkSize ?? current.Indexing.ChunkSize,
            Indexing?.ChunkOverlap ?? current.Indexing.ChunkOverlap),
        WidgetEnabled ?? current.WidgetEnabled,
        RateLimits is null
            ? current.RateLimits
            : new RateLimitSettings(
                RateLimits.KeyRequestsPerMinute ?? current.RateLimits?.KeyRequestsPerMinute,
                RateLimits.WidgetRequestsPerMinutePerVisitor ?? current.RateLimits?.WidgetRequestsPerMinutePerVisitor,
                RateLimits.WidgetRequestsPerMinute ?? current.RateLimits?.WidgetRequestsPerMinute));
}

public sealed record RetrievalSettingsInput(int? TopK = null, double? LexicalWeight = null, double? MinimumRelevance = null);

public sealed record IndexingSettingsInput(int? ChunkSize = null, double? ChunkOverlap = null);

public sealed record RateLimitSettingsInput(int? KeyRequestsPerMinute = null, int? WidgetRequestsPerMinutePerVisitor = null, int? WidgetRequestsPerMinute = null);

public sealed class ProjectSettingsInputValidator : AbstractValidator<ProjectSettingsInput>
{
    public ProjectSettingsInputValidator()
    {
        RuleFor(s => s.AllowedOrigins).ValidOrigins();
        RuleFor(s => s.SystemPrompt).MaximumLength(8000).WithMessage("systemPrompt must be at most 8000 characters.");
        RuleFor(s => s.Model).MaximumLength(200).WithMessage("model must be at most 200 characters.");
        RuleFor(s => s.QuestionMaxLength).InclusiveBetween(10, ValidationRules.MaxQuestionLength)
            .WithMessage($"questionMaxLength must be between 10 and {ValidationRules.MaxQuestionLength}.");
        RuleFor(s => s.Retrieval!.TopK).InclusiveBetween(1, 50).When(s => s.Retrieval is not null)
            .WithName("retrieval.topK").WithMessage("retrieval.topK must be between 1 and 50.");
        RuleFor(s => s.Retrieval!.LexicalWeight).InclusiveBetween(0, 1).When(s => s.Retrieval is not null)
            .WithName("retrieval.lexicalWeight").WithMessage("retrieval.lexicalWeight must be between 0 and 1.");
        RuleFor(s => s.Retrieval!.MinimumRelevance).InclusiveBetween(0, 1).When(s => s.Retrieval is not null)
            .WithName("retrieval.minimumRelevance").WithMessage("retrieval.minimumRelevance must be between 0 and 1.");
        RuleFor(s => s.Indexing!.ChunkSize).InclusiveBetween(50, 2000).When(s => s.Indexing is not null)
            .WithName("indexing.chunkSize").WithMessage("indexing.chunkSize must be between 50 and 2000 tokens.");
        RuleFor(s => s.Indexing!.ChunkOverlap).InclusiveBetween(0, 0.5).When(s => s.Indexing is not null)
            .WithName("indexing.chunkOverlap").WithMessage("indexing.chunkOverlap must be between 0 and 0.5.");
        RuleFor(s => s.RateLimits!.KeyRequestsPerMinute).InclusiveBetween(1, 100_000).When(s => s.RateLimits is not null)
            .WithName("rateLimits.keyRequestsPerMinute").WithMessage("rateLimits.keyRequestsPerMinute must be between 1 and 100000.");
        RuleFor(s => s.RateLimits!.WidgetRequestsPerMinutePerVisitor).InclusiveBetween(1, 100_000).When(s => s.RateLimits is not null)
            .WithName("rateLimits.widgetRequestsPerMinutePerVisitor")
            .WithMessage("rateLimits.widgetRequestsPerMinutePerVisitor must be between 1 and 100000.");
        RuleFor(s => s.RateLimits!.WidgetRequestsPerMinute).InclusiveBetween(1, 1_000_000).When(s => s.RateLimits is not null)
            .WithName("rateLimits.widgetRequestsPerMinute").WithMessage("rateLimits.widgetRequestsPerMinute must be between 1 and 1000000.");
    }
}
