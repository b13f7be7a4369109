using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Infrastructure.Messaging;

internal static class MessagingConfiguration
{
    public static IServiceCollection AddRabbitMqMessaging(
        this IServiceCollection services, RabbitMqOptions options, Action<IBusRegistrationConfigurator>? configureBus)
    {
        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            // MassTransit's own health check watches the RabbitMQ connection and receive endpoints.
            bus.ConfigureHealthCheckOptions(health => health.Name = DependencyInjection.BrokerHealthCheck);
            // Reactions to domain events are Application's handlers, each behind the generic consumer on its own queue.
            bus.AddDomainEventHandlers(typeof(Application.DependencyInjection).Assembly);
            bus.AddConsumer<Webhooks.WebhookDeliveryConsumer>();
            configureBus?.Invoke(bus);

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(options.Host, options.Port, options.VirtualHost, host =>
                {
                    host.Username(options.Username);
                    host.Password(options.Password);
                });
                // Transient failures are retried in place; what still fails lands in the endpoint's _error queue.
                rabbit.UseMessageRetry(retry => retry.Exponential(
                    options.ConsumerRetryLimit, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(300)));
                rabbit.ConfigureEndpoints(context);
            });
        });
        return services;
    }
}
