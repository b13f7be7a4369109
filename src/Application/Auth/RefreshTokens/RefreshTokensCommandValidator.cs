using FluentValidation;

namespace CleanRag.Application.Auth.RefreshTokens;

public sealed class RefreshTokensCommandValidator : AbstractValidator<RefreshTokensCommand>
{
    public RefreshTokensCommandValidator() =>
        RuleFor(c => c.RefreshToken).NotEmpty().WithMessage("refreshToken is required.");
}
