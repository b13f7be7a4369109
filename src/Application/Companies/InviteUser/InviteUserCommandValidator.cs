using CleanRag.Application.Common.Validation;
using FluentValidation;

namespace CleanRag.Application.Companies.InviteUser;

public sealed class InviteUserCommandValidator : AbstractValidator<InviteUserCommand>
{
    public InviteUserCommandValidator()
    {
        RuleFor(c => c.Email).ValidEmail();
        RuleFor(c => c.Role).NotNull().WithMessage("role is required (member, admin or owner).")
            .IsInEnum().WithMessage("role must be member, admin or owner.");
    }
}
