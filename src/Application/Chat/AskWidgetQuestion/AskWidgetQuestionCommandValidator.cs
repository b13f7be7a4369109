using CleanRag.Application.Common.Validation;
using FluentValidation;

namespace CleanRag.Application.Chat.AskWidgetQuestion;

public sealed class AskWidgetQuestionCommandValidator : AbstractValidator<AskWidgetQuestionCommand>
{
    public AskWidgetQuestionCommandValidator()
    {
        RuleFor(c => c.ProjectId).NotEmpty().WithName("project_id").WithMessage("project_id is required.");
        RuleFor(c => c.Message).ValidQuestion("message");
        RuleFor(c => c.PageUrl).MaximumLength(2048).WithName("page_url").WithMessage("page_url must be at most 2048 characters.");
        RuleFor(c => c.VisitorId).ValidClientId("visitor_id");
        RuleFor(c => c.Context).MaximumLength(2000).WithName("context").WithMessage("context must be at most 2000 characters.");
    }
}
