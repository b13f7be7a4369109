using FluentValidation;

namespace CleanRag.Application.Plans.SetCompanyPlan;

public sealed class SetCompanyPlanCommandValidator : AbstractValidator<SetCompanyPlanCommand>
{
    public SetCompanyPlanCommandValidator(PlanCatalog catalog)
    {
        RuleFor(c => c.CompanyId).NotEmpty().WithMessage("companyId must be a company id (a UUID).");
        RuleFor(c => c.Plan).Must(catalog.Contains)
            .WithMessage(_ => $"plan must be one of the configured plans: {string.Join(", ", catalog.Names)}.");
    }
}
