using FluentValidation;

namespace CleanRag.Application.Widget.GetPublicWidgetConfig;

public sealed class GetPublicWidgetConfigQueryValidator : AbstractValidator<GetPublicWidgetConfigQuery>
{
    public GetPublicWidgetConfigQueryValidator() =>
        RuleFor(q => q.ProjectId).NotEmpty().WithName("id").WithMessage("id is required and must be a project id (a UUID).");
}
