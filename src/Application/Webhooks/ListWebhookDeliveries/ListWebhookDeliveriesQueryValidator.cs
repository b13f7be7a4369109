using CleanRag.Application.Common.Validation;
using FluentValidation;

namespace CleanRag.Application.Webhooks.ListWebhookDeliveries;

public sealed class ListWebhookDeliveriesQueryValidator : AbstractValidator<ListWebhookDeliveriesQuery>
{
    public ListWebhookDeliveriesQueryValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
    }
}
