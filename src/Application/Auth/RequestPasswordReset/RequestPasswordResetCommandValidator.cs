using CleanRag.Application.Common.Validation;
using FluentValidation;

namespace CleanRag.Application.Auth.RequestPasswordReset;

public sealed class RequestPasswordResetCommandValidator : AbstractValidator<RequestPasswordResetCommand>
{
    public RequestPasswordResetCommandValidator() => RuleFor(c => c.Email).ValidEmail();
}
