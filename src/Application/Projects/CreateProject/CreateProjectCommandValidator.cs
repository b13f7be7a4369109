using FluentValidation;

namespace CleanRag.Application.Projects.CreateProject;

public sealed class CreateProjectCommandValidator : AbstractValidator<CreateProjectCommand>
{
    public CreateProjectCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("name is required.")
            .MaximumLength(200).WithMessage("name must be at most 200 characters.");
        RuleFor(c => c.Description).MaximumLength(2000).WithMessage("description must be at most 2000 characters.");
        RuleFor(c => c.Settings!).SetValidator(new ProjectSettingsInputValidator()).When(c => c.Settings is not null);
    }
}
