using System.Collections.Concurrent;
using System.Reflection;
using CleanRag.Application.Common.Messaging;
using JasperFx.Events;

namespace CleanRag.Infrastructure.Messaging;

/// <summary>Builds the <see cref="DomainEventEnvelope{TEvent}"/> for a stored event whose type is only known at run time.</summary>
internal static class DomainEventEnvelopes
{
    private static readonly ConcurrentDictionary<Type, ConstructorInfo> Constructors = new();

    public static object Wrap(IEvent stored)
    {
        var constructor = Constructors.GetOrAdd(stored.EventType, type =>
            typeof(DomainEventEnvelope<>).MakeGenericType(type).GetConstructors().Single());
        Guid.TryParse(stored.TenantId, out var tenantId);
        return constructor.Invoke([
            stored.Id, stored.StreamId, stored.Version, stored.Sequence, tenantId, stored.Timestamp, stored.Data,
        ]);
    }
}
