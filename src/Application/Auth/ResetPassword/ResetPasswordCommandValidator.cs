using CleanRag.Application.Common.Validation;
using FluentValidation;

namespace CleanRag.Application.Auth.ResetPassword;

public sealed class ResetPasswordCommandValidator : AbstractValidator<ResetPasswordCommand>
{
    public ResetPasswordCommandValidator()
    {
        RuleFor(c => c.Token).NotEmpty().WithMessage("token is required.")
            .MaximumLength(200).WithMessage("token must be at most 200 characters.");
        RuleFor(c => c.NewPassword).StrongPassword().OverridePropertyName("newPassword");
    }
}
