using FluentValidation;

namespace CleanRag.Application.Chat.RateMessage;

public sealed class RateMessageCommandValidator : AbstractValidator<RateMessageCommand>
{
    public RateMessageCommandValidator()
    {
        RuleFor(c => c.MessageId).NotEmpty().WithName("message_id").WithMessage("message_id is required.");
        RuleFor(c => c.Rating).Must(r => r is RateMessageCommandHandler.Positive or RateMessageCommandHandler.Negative)
            .WithName("rating").WithMessage("rating is required: \"positive\" or \"negative\".");
        RuleFor(c => c.Reason).MaximumLength(2000).WithName("reason").WithMessage("reason must be at most 2000 characters.");
    }
}
