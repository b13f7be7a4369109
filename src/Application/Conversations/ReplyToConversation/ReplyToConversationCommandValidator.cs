using FluentValidation;

namespace CleanRag.Application.Conversations.ReplyToConversation;

public sealed class ReplyToConversationCommandValidator : AbstractValidator<ReplyToConversationCommand>
{
    public const int MaxContentLength = 4000;

    public ReplyToConversationCommandValidator()
    {
        RuleFor(c => c.Content).Must(content => !string.IsNullOrWhiteSpace(content))
            .WithName("content").WithMessage("content is required and must not be blank.")
            .MaximumLength(MaxContentLength).WithName("content").WithMessage($"content must be at most {MaxContentLength} characters.");
    }
}
