using FluentValidation;

namespace CleanRag.Application.Webhooks.ListWebhookDeliveries;

public sealed class ListWebhookDeliveriesQueryValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesQueryValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("page must be 1 or more.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200).WithMessage("pageSize must be between 1 and 200.");
    }
}
