using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Search;
using CleanRag.Domain.Common;
using CleanRag.Infrastructure.AI.Embeddings;
using Microsoft.Extensions.AI;

namespace CleanRag.Infrastructure.Tests.Search;

// What a ProjectReembedder needs around an index, shared by the re-embedding tests of both engines.

/// <summary>
/// The active model (hashing, 256 dimensions), remembering what it embedded; or failing. <paramref name="beforeEachBatch"/>
/// runs before each batch is embedded, e.g. to upload a document in the middle of a re-embedding.
/// </summary>
internal sealed class CountingModel(bool fail, Func<Task>? beforeEachBatch = null) : IEmbeddingModels
{
    private readonly Generator _active = new(fail, beforeEachBatch);

    public List<string> Embedded => _active.Embedded;
    public string Id => ActiveModelId;
    public IEmbeddingGenerator<string, Embedding<float>> Active => _active;
    public string ActiveModelId => "cleanrag-hashing-v1-256";
    public IEmbeddingGenerator<string, Embedding<float>>? Find(string modelId) => modelId == ActiveModelId ? _active : null;

    private sealed class Generator(bool fail, Func<Task>? beforeEachBatch)
        : DelegatingEmbeddingGenerator<string, Embedding<float>>(new HashingEmbeddingGenerator(256))
    {
        public List<string> Embedded { get; } = [];

        public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            if (fail)
                throw new InvalidOperationException("the model crashed");
            if (beforeEachBatch is not null)
                await beforeEachBatch();
            var texts = values.ToList();
            Embedded.AddRange(texts);
            return await base.GenerateAsync(texts, options, cancellationToken);
        }
    }
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Streams in memory with the event store's optimistic concurrency; only what the re-embedder uses.</summary>
internal sealed class InMemoryEvents : IEventStore
{
    private readonly Dictionary<Guid, List<IDomainEvent>> _streams = [];

    public void Add(Guid id, IDomainEvent domainEvent)
    {
        if (!_streams.TryGetValue(id, out var stream))
            _streams[id] = stream = [];
        stream.Add(domainEvent);
    }

    public IReadOnlyList<IDomainEvent> Stream(Guid id) => _streams[id];

    public IEventStore ForTenant(Guid tenantId) => this;

    public Task<TAggregate?> LoadAsync<TAggregate>(Guid streamId, CancellationToken cancellationToken) where TAggregate : AggregateRoot, new()
    {
        if (!_streams.TryGetValue(streamId, out var events))
            return Task.FromResult<TAggregate?>(null);
        var aggregate = new TAggregate();
        events.ForEach(aggregate.ApplyEvent);
        return Task.FromResult<TAggregate?>(aggregate);
    }

    public Task AppendAsync(Guid streamId, long expectedVersion, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
    {
        if (_streams[streamId].Count != expectedVersion)
            throw new ConcurrencyConflictException();
        _streams[streamId].AddRange(events);
        return Task.CompletedTask;
    }

    public Task<TAggregate?> LoadAtVersionAsync<TAggregate>(Guid streamId, long version, CancellationToken cancellationToken)
        where TAggregate : AggregateRoot, new() => throw new NotSupportedException();

    public Task<TAggregate?> LoadAtTimeAsync<TAggregate>(Guid streamId, DateTimeOffset timestamp, CancellationToken cancellationToken)
        where TAggregate : AggregateRoot, new() => throw new NotSupportedException();

    public Task StartStreamAsync<TAggregate>(Guid streamId, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
        where TAggregate : AggregateRoot, new() => throw new NotSupportedException();

    public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(Guid streamId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
