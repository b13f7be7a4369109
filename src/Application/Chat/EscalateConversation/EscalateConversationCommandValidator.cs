using CleanRag.Application.Common.Validation;
using CleanRag.Application.Leads;
using FluentValidation;

namespace CleanRag.Application.Chat.EscalateConversation;

public sealed class EscalateConversationCommandValidator : AbstractValidator<EscalateConversationCommand>
{
    public EscalateConversationCommandValidator()
    {
        RuleFor(c => c.ConversationId).NotEmpty().OverridePropertyName("conversation_id").WithName("conversation_id").WithMessage("conversation_id is required.");
        RuleFor(c => c.Email!.Trim()).ValidEmail().OverridePropertyName("email").When(c => !string.IsNullOrWhiteSpace(c.Email));
        RuleFor(c => c.Phone).Must(phone => LeadRules.IsPhoneNumber(phone!)).When(c => !string.IsNullOrWhiteSpace(c.Phone))
            .WithName("phone").WithMessage(LeadRules.PhoneMessage);
        RuleFor(c => c.Message).MaximumLength(2000).WithName("message").WithMessage("message must be at most 2000 characters.");
    }
}
