using CleanRag.Application.Common.Validation;
using FluentValidation;

namespace CleanRag.Application.Companies.UpdateWorkspaceSettings;

public sealed class UpdateWorkspaceSettingsCommandValidator : AbstractValidator<UpdateWorkspaceSettingsCommand>
{
    public UpdateWorkspaceSettingsCommandValidator()
    {
        RuleFor(c => c.AllowedOrigins).ValidOrigins();
        RuleFor(c => c.SystemPrompt).MaximumLength(8000).WithMessage("systemPrompt must be at most 8000 characters.");
        RuleFor(c => c.DataRetentionDays).InclusiveBetween(1, 3650).WithMessage("dataRetentionDays must be between 1 and 3650.");
    }
}
