using FluentValidation;

namespace CleanRag.Application.Projects.UpdateProject;

public sealed class UpdateProjectCommandValidator : AbstractValidator<UpdateProjectCommand>
{
    public UpdateProjectCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().When(c => c.Name is not null).WithMessage("name must not be empty.")
            .MaximumLength(200).WithMessage("name must be at most 200 characters.");
        RuleFor(c => c.Description).MaximumLength(2000).WithMessage("description must be at most 2000 characters.");
        RuleFor(c => c.Settings!).SetValidator(new ProjectSettingsInputValidator()).When(c => c.Settings is not null);
    }
}
