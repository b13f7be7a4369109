using CleanRag.Application.Common.Validation;
using FluentValidation;

namespace CleanRag.Application.Chat.StreamAnswer;

public sealed class StreamAnswerCommandValidator : AbstractValidator<StreamAnswerCommand>
{
    public StreamAnswerCommandValidator()
    {
        RuleFor(c => c.Question).ValidQuestion("question");
        RuleFor(c => c.SessionId).ValidClientId("sessionId");
        RuleFor(c => c.VisitorId).ValidClientId("visitorId");
    }
}
