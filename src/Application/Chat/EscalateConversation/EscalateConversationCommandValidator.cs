using CleanRag.Application.Common.Validation;
using FluentValidation;

namespace CleanRag.Application.Chat.EscalateConversation;

public sealed class EscalateConversationCommandValidator : AbstractValidator<EscalateConversationCommand>
{
    public EscalateConversationCommandValidator()
    {
        RuleFor(c => c.ConversationId).NotEmpty().WithName("conversation_id").WithMessage("conversation_id is required.");
        RuleFor(c => c.Email!.Trim()).ValidEmail().OverridePropertyName("email").When(c => !string.IsNullOrWhiteSpace(c.Email));
        RuleFor(c => c.Phone).Must(phone => IsPhoneNumber(phone!)).When(c => !string.IsNullOrWhiteSpace(c.Phone))
            .WithName("phone").WithMessage("phone must be a phone number: at least 5 digits, with only spaces, + ( ) . - besides, at most 32 characters.");
        RuleFor(c => c.Message).MaximumLength(2000).WithName("message").WithMessage("message must be at most 2000 characters.");
    }

    /// <summary>A phone number as people type it: digits with spaces, +, parentheses, dots or dashes.</summary>
    private static bool IsPhoneNumber(string phone)
    {
        var trimmed = phone.Trim();
        return trimmed.Length <= 32 && trimmed.Count(char.IsAsciiDigit) >= 5
               && trimmed.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '.' or '-');
    }
}
