using FluentValidation;

namespace CleanRag.Application.Companies.ChangeUserRole;

public sealed class ChangeUserRoleCommandValidator : AbstractValidator<ChangeUserRoleCommand>
{
    public ChangeUserRoleCommandValidator() =>
        RuleFor(c => c.Role).NotNull().WithMessage("role is required (member, admin or owner).")
            .IsInEnum().WithMessage("role must be member, admin or owner.");
}
