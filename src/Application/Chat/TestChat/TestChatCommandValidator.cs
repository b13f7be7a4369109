using CleanRag.Application.Common.Validation;
using FluentValidation;

namespace CleanRag.Application.Chat.TestChat;

public sealed class TestChatCommandValidator : AbstractValidator<TestChatCommand>
{
    public TestChatCommandValidator()
    {
        RuleFor(c => c.Question).ValidQuestion("question");
        RuleFor(c => c.SessionId).ValidClientId("sessionId");
        RuleFor(c => c.VisitorId).ValidClientId("visitorId");
    }
}
