using FluentValidation;

namespace CleanRag.Application.Chat.AskWidgetQuestion;

public sealed class AskWidgetQuestionCommandValidator : AbstractValidator<AskWidgetQuestionCommand>
{
    public AskWidgetQuestionCommandValidator()
    {
        RuleFor(c => c.ProjectId).NotEmpty().WithName("project_id").WithMessage("project_id is required.");
        RuleFor(c => c.Message).Must(m => !string.IsNullOrWhiteSpace(m)).WithName("message").WithMessage("message is required and must not be blank.");
        RuleFor(c => c.PageUrl).MaximumLength(2048).WithName("page_url").WithMessage("page_url must be at most 2048 characters.");
        RuleFor(c => c.VisitorId).MaximumLength(200).WithName("visitor_id").WithMessage("visitor_id must be at most 200 characters.");
        RuleFor(c => c.Context).MaximumLength(2000).WithName("context").WithMessage("context must be at most 2000 characters.");
    }
}
