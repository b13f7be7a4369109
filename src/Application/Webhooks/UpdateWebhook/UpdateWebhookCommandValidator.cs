using FluentValidation;

namespace CleanRag.Application.Webhooks.UpdateWebhook;

public sealed class UpdateWebhookCommandValidator : AbstractValidator<UpdateWebhookCommand>
{
    public UpdateWebhookCommandValidator(IWebhookUrlGuard guard)
    {
        RuleFor(c => c.Url).WebhookUrl(guard).When(c => c.Url is not null);
        RuleFor(c => c.Events).WebhookEvents().When(c => c.Events is not null);
    }
}
