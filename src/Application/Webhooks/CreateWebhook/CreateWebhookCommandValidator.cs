using FluentValidation;

namespace CleanRag.Application.Webhooks.CreateWebhook;

public sealed class CreateWebhookCommandValidator : AbstractValidator<CreateWebhookCommand>
{
    public CreateWebhookCommandValidator(IWebhookUrlGuard guard)
    {
        RuleFor(c => c.Url).WebhookUrl(guard);
        RuleFor(c => c.Events).WebhookEvents();
    }
}
