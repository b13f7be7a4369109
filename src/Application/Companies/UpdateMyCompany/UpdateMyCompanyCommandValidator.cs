using FluentValidation;

namespace CleanRag.Application.Companies.UpdateMyCompany;

public sealed class UpdateMyCompanyCommandValidator : AbstractValidator<UpdateMyCompanyCommand>
{
    public UpdateMyCompanyCommandValidator() =>
        RuleFor(c => c.Name).NotEmpty().WithMessage("name is required.")
            .MaximumLength(200).WithMessage("name must be at most 200 characters.");
}
