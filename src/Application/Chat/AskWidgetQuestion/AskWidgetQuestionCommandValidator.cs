using CleanRag.Application.Common.Validation;
using CleanRag.Application.Search.Rewriting;
using FluentValidation;

namespace CleanRag.Application.Chat.AskWidgetQuestion;

public sealed class AskWidgetQuestionCommandValidator : AbstractValidator<AskWidgetQuestionCommand>
{
    public AskWidgetQuestionCommandValidator()
    {
        RuleFor(c => c.ProjectId).NotEmpty().WithName("project_id").WithMessage("project_id is required.");
        RuleFor(c => c.Message).ValidQuestion("message");
        RuleFor(c => c.PageUrl).ValidHttpUrl("page_url");
        RuleFor(c => c.VisitorId).ValidClientId("visitor_id");
        RuleFor(c => c.Context).MaximumLength(VisitorPage.MaxContextLength).WithName("context")
            .WithMessage($"context must be at most {VisitorPage.MaxContextLength} characters.");
    }
}
