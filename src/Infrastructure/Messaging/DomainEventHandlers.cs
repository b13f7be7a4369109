using System.Reflection;
using CleanRag.Application.Common.Messaging;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CleanRag.Infrastructure.Messaging;

/// <summary>
/// Registers Application's <see cref="IDomainEventHandler{TEvent}"/> implementations: each handler is a scoped service,
/// and each event it handles gets a <see cref="DomainEventConsumer{TEvent,THandler}"/> on the handler's queue, or a
/// <see cref="DomainEventBatchConsumer{TEvent,THandler}"/> when the handler takes batches.
/// </summary>
public static class DomainEventHandlers
{
    /// <summary>
    /// The queues (and, for the fan-out, the marker prefix) these reactions had as Infrastructure consumers: kept so that
    /// a deployed broker's queues, and messages waiting in them, still reach the handlers after an upgrade.
    /// </summary>
    private static readonly Dictionary<string, (string Queue, string? MarkerPrefix)> FormerNames = new()
    {
        ["IngestDocumentHandler"] = ("document-ingestion", null),
        ["PurgeDeletedDocumentHandler"] = ("document-deleted", null),
        ["GoLiveHandler"] = ("project-go-live", null),
        ["WebhookFanOutHandler"] = ("webhook-fan-out", "WebhookFanOutConsumer"),
    };

    /// <summary>Every handler in <paramref name="assembly"/> (Application's, in production).</summary>
    public static void AddDomainEventHandlers(this IBusRegistrationConfigurator bus, Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
            Add(bus, type);
    }

    /// <summary>One handler, e.g. a test's.</summary>
    public static void AddDomainEventHandler<THandler>(this IBusRegistrationConfigurator bus) where THandler : class =>
        Add(bus, typeof(THandler));

    public static string QueueFor(Type handler) =>
        FormerNames.TryGetValue(handler.Name, out var former)
            ? former.Queue
            : KebabCaseEndpointNameFormatter.Instance.SanitizeName(StripSuffix(handler.Name, "Handler"));

    public static string MarkerPrefixFor(Type handler) =>
        FormerNames.TryGetValue(handler.Name, out var former) && former.MarkerPrefix is { } prefix ? prefix : handler.Name;

    private static void Add(IBusRegistrationConfigurator bus, Type handler)
    {
        var events = handler.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDomainEventHandler<>))
            .Select(i => i.GetGenericArguments()[0])
            .ToList();
        if (events.Count == 0)
            return;
        bus.TryAddScoped(handler);
        foreach (var domainEvent in events)
        {
            var batches = typeof(IDomainEventBatchHandler<>).MakeGenericType(domainEvent).IsAssignableFrom(handler);
            bus.AddConsumer(
                (batches ? typeof(DomainEventBatchConsumer<,>) : typeof(DomainEventConsumer<,>)).MakeGenericType(domainEvent, handler),
                (batches ? typeof(DomainEventBatchConsumerDefinition<,>) : typeof(DomainEventConsumerDefinition<,>)).MakeGenericType(domainEvent, handler));
        }
    }

    private static string StripSuffix(string name, string suffix) =>
        name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length ? name[..^suffix.Length] : name;
}
