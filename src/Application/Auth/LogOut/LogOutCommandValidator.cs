using FluentValidation;

namespace CleanRag.Application.Auth.LogOut;

public sealed class LogOutCommandValidator : AbstractValidator<LogOutCommand>
{
    public LogOutCommandValidator() =>
        RuleFor(c => c.RefreshToken).NotEmpty().WithMessage("refreshToken is required.");
}
