using CleanRag.Application.Chat;
using CleanRag.Application.Chat.Answering;
using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using CleanRag.Domain.Common;
using CleanRag.Domain.Conversations;

namespace CleanRag.Application.Tests.Chat;

public class TurnRecorderTests
{
    private static readonly Guid ProjectId = Guid.NewGuid();
    private static readonly CitedSource Source = new(1, Guid.NewGuid(), "plan.pdf", "Glasses…", 3, 0.9);

    [Test]
    public async Task A_new_conversation_is_stored_together_with_its_first_turn()
    {
        var store = new InMemoryEventStore();
        var recorder = new TurnRecorder(store, store, store, new NoReadStore(), TimeProvider.System);
        var turn = await recorder.BeginAsync(Request(conversationId: null), Project(), "Are glasses covered?", CancellationToken.None);
        turn.SearchQuery = "glasses covered";

        await recorder.RecordAsync(turn, c => c.Answer(turn.MessageId, "Yes [1]", [Source], 0.8, "m", 5, 10, 2, turn.AskedAt), CancellationToken.None);

        store.Stream(turn.Conversation.Id).Should().SatisfyRespectively(
            started => started.Should().BeOfType<ConversationStarted>().Which.ProjectId.Should().Be(ProjectId),
            asked => asked.Should().BeOfType<VisitorAsked>().Which.SearchQuery.Should().Be("glasses covered"),
            answered => answered.Should().BeOfType<AnswerGiven>().Which.MessageId.Should().Be(turn.MessageId));
        turn.Recorded.Should().BeTrue();
    }

    [Test]
    public async Task A_turn_that_loses_the_race_for_its_conversation_is_decided_again_after_the_winner()
    {
        var store = new InMemoryEventStore();
        var conversationId = store.StartedConversation();
        var recorder = new TurnRecorder(store, store, store, new NoReadStore(), TimeProvider.System);
        var turn = await recorder.BeginAsync(Request(conversationId), Project(), "Is dental covered?", CancellationToken.None);
        var winner = Guid.NewGuid();
        store.BeforeNextCommit = () => store.Append(conversationId,
            new VisitorAsked(conversationId, winner, "Hello?", "Hello?", DateTimeOffset.UtcNow),
            new QuestionUnanswered(conversationId, winner, "Hello?", 0, DateTimeOffset.UtcNow));

        await recorder.RecordAsync(turn, c => c.LeaveUnanswered(turn.MessageId, 0.1, turn.AskedAt), CancellationToken.None);

        store.Stream(conversationId).Select(e => e.GetType().Name).Should().Equal(
            nameof(ConversationStarted), nameof(VisitorAsked), nameof(QuestionUnanswered), nameof(VisitorAsked), nameof(QuestionUnanswered));
        store.Stream(conversationId).OfType<QuestionUnanswered>().Last().Should().Match<QuestionUnanswered>(
            e => e.MessageId == turn.MessageId && e.Question == "Is dental covered?");
    }

    [Test]
    public async Task An_abandoned_turn_keeps_its_question_with_why_it_has_no_answer()
    {
        var store = new InMemoryEventStore();
        var recorder = new TurnRecorder(store, store, store, new NoReadStore(), TimeProvider.System);
        var turn = await recorder.BeginAsync(Request(conversationId: null), Project(), "Are glasses covered?", CancellationToken.None);

        await recorder.RecordAbandonedAsync(turn);

        store.Stream(turn.Conversation.Id).OfType<AnswerFailed>().Single().Code.Should().Be("abandoned");
    }

    [Test]
    public async Task A_conversation_of_another_project_is_not_found()
    {
        var store = new InMemoryEventStore();
        var conversationId = store.StartedConversation(projectId: Guid.NewGuid());
        var recorder = new TurnRecorder(store, store, store, new NoReadStore(), TimeProvider.System);

        await recorder.Invoking(r => r.BeginAsync(Request(conversationId), Project(), "Hello?", CancellationToken.None))
            .Should().ThrowAsync<NotFoundException>();
    }

    private static ChatRequest Request(Guid? conversationId) =>
        new(ProjectId, "question", conversationId, SessionId: null, VisitorId: "visitor-1", ConversationChannel.Api, IsTest: false);

    private static ProjectDetails Project() => new() { Id = ProjectId };

    /// <summary>
    /// Streams in memory, read through the event store and changed through the aggregate store and its unit of work,
    /// with optimistic concurrency on the version each stream was loaded at.
    /// </summary>
    private sealed class InMemoryEventStore : IEventStore, IAggregateStore, IUnitOfWork
    {
        private readonly Dictionary<Guid, List<IDomainEvent>> _streams = [];
        private readonly Dictionary<Guid, (int LoadedAt, List<IDomainEvent> Staged)> _changes = [];
        private readonly Dictionary<Guid, List<IDomainEvent>> _started = [];

        /// <summary>Runs once, just before the next commit: another request writing first.</summary>
        public Action? BeforeNextCommit { get; set; }

        public IReadOnlyList<IDomainEvent> Stream(Guid id) => _streams[id];

        public Guid StartedConversation(Guid? projectId = null)
        {
            var id = Guid.NewGuid();
            _streams[id] = [Conversation.Start(id, projectId ?? ProjectId, "visitor-1", "session-1", ConversationChannel.Api, false, null, DateTimeOffset.UtcNow)];
            return id;
        }

        public void Append(Guid id, params IDomainEvent[] events) => _streams[id].AddRange(events);

        IEventStore IEventStore.ForTenant(Guid tenantId) => this;

        IAggregateStore IAggregateStore.ForTenant(Guid tenantId) => this;

        public Task<TAggregate?> LoadAsync<TAggregate>(Guid streamId, CancellationToken cancellationToken) where TAggregate : AggregateRoot, new()
        {
            if (!_streams.TryGetValue(streamId, out var events))
                return Task.FromResult<TAggregate?>(null);
            var aggregate = new TAggregate();
            events.ForEach(aggregate.ApplyEvent);
            return Task.FromResult<TAggregate?>(aggregate);
        }

        public async Task<TAggregate?> LoadForUpdateAsync<TAggregate>(Guid id, CancellationToken cancellationToken) where TAggregate : AggregateRoot, new()
        {
            var aggregate = await LoadAsync<TAggregate>(id, cancellationToken);
            if (aggregate is not null)
                _changes[id] = (_streams[id].Count, []);
            return aggregate;
        }

        public void Append<TAggregate>(TAggregate aggregate, params IReadOnlyList<IDomainEvent> events) where TAggregate : AggregateRoot
        {
            _changes[aggregate.Id].Staged.AddRange(events);
            foreach (var e in events)
                aggregate.ApplyEvent(e);
        }

        public TAggregate Start<TAggregate>(Guid id, params IReadOnlyList<IDomainEvent> events) where TAggregate : AggregateRoot, new()
        {
            _started[id] = [.. events];
            var aggregate = new TAggregate();
            foreach (var e in events)
                aggregate.ApplyEvent(e);
            return aggregate;
        }

        public Task CommitAsync(CancellationToken cancellationToken)
        {
            var before = BeforeNextCommit;
            BeforeNextCommit = null;
            before?.Invoke();
            try
            {
                if (_started.Keys.Any(_streams.ContainsKey) || _changes.Any(c => _streams[c.Key].Count != c.Value.LoadedAt))
                    throw new ConcurrencyConflictException();
                foreach (var (id, events) in _started)
                    _streams[id] = events;
                foreach (var (id, change) in _changes)
                    _streams[id].AddRange(change.Staged);
            }
            finally
            {
                Reset();
            }
            return Task.CompletedTask;
        }

        public void Reset()
        {
            _changes.Clear();
            _started.Clear();
        }

        public Task StartStreamAsync<TAggregate>(Guid streamId, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken)
            where TAggregate : AggregateRoot, new() => throw new NotSupportedException("writes go through the aggregate store");

        public Task AppendAsync(Guid streamId, long expectedVersion, IReadOnlyList<IDomainEvent> events, CancellationToken cancellationToken) =>
            throw new NotSupportedException("writes go through the aggregate store");

        public Task<TAggregate?> LoadAtVersionAsync<TAggregate>(Guid streamId, long version, CancellationToken cancellationToken)
            where TAggregate : AggregateRoot, new() => throw new NotSupportedException();

        public Task<TAggregate?> LoadAtTimeAsync<TAggregate>(Guid streamId, DateTimeOffset timestamp, CancellationToken cancellationToken)
            where TAggregate : AggregateRoot, new() => throw new NotSupportedException();

        public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(Guid streamId, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }

    /// <summary>These turns name their conversation or start one, so no session is looked up.</summary>
    private sealed class NoReadStore : IReadStore
    {
        public Task<T?> LoadAsync<T>(Guid id, CancellationToken cancellationToken) where T : class => throw new NotSupportedException();
        public Task<T?> LoadAsync<T>(string id, CancellationToken cancellationToken) where T : class => throw new NotSupportedException();

        public Task<IReadOnlyList<T>> LoadManyAsync<T>(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) where T : class =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<T>> ListAsync<T>(Func<IQueryable<T>, IQueryable<T>> shape, CancellationToken cancellationToken) where T : class =>
            throw new NotSupportedException();
    }
}
