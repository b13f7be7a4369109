using CleanRag.Application.Webhooks;
using CleanRag.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Infrastructure.Webhooks;

internal static class WebhookConfiguration
{
    /// <summary>
    /// Options, the SSRF guard, secret protection, the guarded HTTP client, the durable delivery queue and its sweeper.
    /// The fan-out is an Application handler (registered with the other domain event handlers); the delivery consumer is
    /// registered with the bus.
    /// </summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        var options = WebhookOptions.From(configuration);
        services.AddSingleton(options);
        services.AddSingleton(new RetrySchedule(options.RetryDelays, options.JitterRatio));
        services.AddSingleton<WebhookUrlGuard>();
        services.AddSingleton<IWebhookUrlGuard>(sp => sp.GetRequiredService<WebhookUrlGuard>());
        services.AddSingleton<IWebhookSecretProtector>(
            new AesGcmWebhookSecretProtector(LocalSecrets.GetOrCreate(configuration, "webhook-secrets.key")));
        services.AddSingleton<MartenWebhookDeliveryQueue>();
        services.AddSingleton<IWebhookDeliveryQueue>(sp => sp.GetRequiredService<MartenWebhookDeliveryQueue>());
        services.AddScoped<Application.Webhooks.FanOut.IWebhookDeliveryOutbox, MartenWebhookDeliveryOutbox>();
        services.AddScoped<Application.Webhooks.DeliverWebhook.WebhookAutoDisabler>();
        services.AddSingleton<WebhookSender>();
        services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = options.Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                // Every connection goes through the guard; a proxy or a redirect would bypass it.
                ConnectCallback = sp.GetRequiredService<WebhookUrlGuard>().ConnectAsync,
                UseProxy = false,
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            });
        services.AddHostedService<WebhookDeliverySweeper>();
        return services;
    }
}
