using FluentValidation;

namespace CleanRag.Application.Chat.AskQuestion;

public sealed class AskQuestionCommandValidator : AbstractValidator<AskQuestionCommand>
{
    public AskQuestionCommandValidator()
    {
        RuleFor(c => c.Question).Must(q => !string.IsNullOrWhiteSpace(q)).WithMessage("question is required and must not be blank.");
        RuleFor(c => c.SessionId).MaximumLength(200).WithMessage("sessionId must be at most 200 characters.");
        RuleFor(c => c.VisitorId).MaximumLength(200).WithMessage("visitorId must be at most 200 characters.");
    }
}
