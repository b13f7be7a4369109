using FluentValidation;

namespace CleanRag.Application.Chat.GiveFeedback;

public sealed class GiveFeedbackCommandValidator : AbstractValidator<GiveFeedbackCommand>
{
    public GiveFeedbackCommandValidator()
    {
        RuleFor(c => c.ConversationId).NotEmpty().WithMessage("conversationId is required.");
        RuleFor(c => c.MessageId).NotEmpty().WithMessage("messageId is required.");
        RuleFor(c => c.Helpful).NotNull().WithMessage("helpful is required (true or false).");
        RuleFor(c => c.Comment).MaximumLength(2000).WithMessage("comment must be at most 2000 characters.");
    }
}
