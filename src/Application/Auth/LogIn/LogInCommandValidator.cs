using FluentValidation;

namespace CleanRag.Application.Auth.LogIn;

public sealed class LogInCommandValidator : AbstractValidator<LogInCommand>
{
    public LogInCommandValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage("email is required.");
        RuleFor(c => c.Password).NotEmpty().WithMessage("password is required.");
    }
}
