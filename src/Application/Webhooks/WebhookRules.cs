using CleanRag.Domain.Webhooks;
using FluentValidation;

namespace CleanRag.Application.Webhooks;

/// <summary>Field rules of the webhook commands, with the messages clients see.</summary>
internal static class WebhookRules
{
    public static IRuleBuilderOptions<T, string?> WebhookUrl<T>(this IRuleBuilder<T, string?> rule, IWebhookUrlGuard guard) =>
        rule.NotEmpty().WithMessage("url is required.")
            .MaximumLength(2000).WithMessage("url must be at most 2000 characters.")
            .Must(url => IsHttpUrl(url, allowHttp: true)).WithMessage("url must be an absolute http(s) URL without user name or password.")
            .Must(url => !IsHttpUrl(url, allowHttp: true) || IsHttpUrl(url, guard.AllowsHttp))
            .WithMessage("url must use https (this server does not allow plain http webhooks).");

    public static IRuleBuilderOptions<T, IReadOnlyList<string>?> WebhookEvents<T>(this IRuleBuilder<T, IReadOnlyList<string>?> rule) =>
        rule.NotEmpty().WithMessage($"events must name at least one event type: {string.Join(", ", WebhookEventTypes.Subscribable)}.")
            .Must(events => events is null || events.All(e => e is not null && WebhookEventTypes.IsSubscribable(e.Trim())))
            .WithMessage((_, events) =>
                $"events holds unknown event types ({string.Join(", ", events!.Where(e => e is null || !WebhookEventTypes.IsSubscribable(e.Trim())).Select(e => $"'{e}'"))}); " +
                $"use {string.Join(", ", WebhookEventTypes.Subscribable)}.");

    private static bool IsHttpUrl(string? url, bool allowHttp) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (allowHttp && uri.Scheme == Uri.UriSchemeHttp))
        && string.IsNullOrEmpty(uri.UserInfo)
        && !string.IsNullOrEmpty(uri.Host);
}
