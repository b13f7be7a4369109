using CleanRag.Application.Common.Validation;
using FluentValidation;

namespace CleanRag.Application.Chat.AskQuestion;

public sealed class AskQuestionCommandValidator : AbstractValidator<AskQuestionCommand>
{
    public AskQuestionCommandValidator()
    {
        RuleFor(c => c.Question).ValidQuestion("question");
        RuleFor(c => c.SessionId).ValidClientId("sessionId");
        RuleFor(c => c.VisitorId).ValidClientId("visitorId");
    }
}
