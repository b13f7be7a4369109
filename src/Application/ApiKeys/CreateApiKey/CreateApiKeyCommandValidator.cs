using FluentValidation;

namespace CleanRag.Application.ApiKeys.CreateApiKey;

public sealed class CreateApiKeyCommandValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyCommandValidator()
    {
        RuleFor(c => c.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("name is required.")
            .MaximumLength(100).WithMessage("name must be at most 100 characters.");
        RuleFor(c => c.Environment).Must(e => e is "live" or "test").WithMessage("environment must be live or test.");
    }
}
