using FluentValidation;

namespace CleanRag.Application.Chat.TestChat;

public sealed class TestChatCommandValidator : AbstractValidator<TestChatCommand>
{
    public TestChatCommandValidator() =>
        RuleFor(c => c.Question).Must(q => !string.IsNullOrWhiteSpace(q)).WithMessage("question is required and must not be blank.");
}
