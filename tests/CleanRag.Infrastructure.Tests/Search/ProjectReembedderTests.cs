using CleanRag.Application.Projects.ReembedProject;
using CleanRag.Application.Search;
using CleanRag.Domain.Projects;
using CleanRag.Infrastructure.AI.Embeddings;
using CleanRag.Infrastructure.Search.Lucene;
using Microsoft.Extensions.Logging.Abstractions;

namespace CleanRag.Infrastructure.Tests.Search;

/// <summary>The re-embedding of one project on the embedded engine, from hashing 384 to hashing 256 dimensions.</summary>
public sealed class ProjectReembedderTests
{
    private static readonly EmbeddingSpace OldSpace = new("cleanrag-hashing-v1-384", 384);
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 19, 0, 0, TimeSpan.Zero);

    // NUnit runs every test on one instance of the class: each gets its own project, events and progress here.
    private ProjectScope _scope = null!;
    private InMemoryEvents _events = null!;
    private ReembeddingProgress _progress = null!;
    private string _dataDirectory = null!;
    private LuceneSearchIndex _index = null!;

    [SetUp]
    public async Task CreateProjectIndexedInTheOldSpace()
    {
        (_scope, _events, _progress) = (new ProjectScope(Guid.NewGuid(), Guid.NewGuid()), new InMemoryEvents(), new ReembeddingProgress());
        _dataDirectory = Path.Combine(Path.GetTempPath(), "cleanrag-search-tests", Guid.NewGuid().ToString("N"));
        _index = new LuceneSearchIndex(_dataDirectory);
        _events.Add(_scope.ProjectId, Project.Create(_scope.ProjectId, _scope.TenantId, "Support", null, ProjectSettings.Default, Guid.NewGuid(), Now));
        using var old = new HashingEmbeddingGenerator(384);
        await _index.UpsertAsync(_scope, OldSpace,
            [Chunk("a", "Dental cleanings are covered twice a year.", old), Chunk("b", "Glasses are covered up to 150 dollars.", old)],
            CancellationToken.None);
    }

    [TearDown]
    public void DeleteIndex()
    {
        _index.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Test]
    public async Task A_failing_model_is_recorded_as_a_failure_with_its_reason_and_the_old_space_keeps_answering()
    {
        var model = new CountingModel(fail: true);

        (await Reembedder(model).ReembedAsync(_scope, CancellationToken.None)).Should().BeTrue();

        _events.Stream(_scope.ProjectId).Skip(1).Should().SatisfyRespectively(
            started => started.Should().Be(new ProjectReembeddingStarted(_scope.ProjectId, OldSpace.ModelId, model.Id, 2, Now)),
            failed => failed.Should().Be(new ProjectReembeddingFailed(_scope.ProjectId, model.Id, "the model crashed", Now)));
        _progress.Of(_scope.ProjectId)!.Failure.Should().Be("the model crashed");
        (await _index.GetEmbeddingSpaceAsync(_scope, CancellationToken.None)).Should().Be(OldSpace);
    }

    [Test]
    public async Task After_a_kill_the_reembedding_resumes_from_the_staged_generation_without_a_second_start()
    {
        var model = new CountingModel(fail: false);
        // Before the kill: started, and chunk a already embedded into the staged generation.
        _events.Add(_scope.ProjectId, new ProjectReembeddingStarted(_scope.ProjectId, OldSpace.ModelId, model.Id, 2, Now));
        using (var embedder = new HashingEmbeddingGenerator(256))
            await _index.UpsertStagedAsync(_scope, new EmbeddingSpace(model.Id, 256),
                [Chunk("a", "Dental cleanings are covered twice a year.", embedder)], CancellationToken.None);

        await Reembedder(model).ReembedAsync(_scope, CancellationToken.None);

        model.Embedded.Should().Equal("Glasses are covered up to 150 dollars.");
        _events.Stream(_scope.ProjectId).Select(e => e.GetType()).Should().Equal(
            typeof(ProjectCreated), typeof(ProjectReembeddingStarted), typeof(ProjectReembeddingCompleted));
        _progress.Of(_scope.ProjectId).Should().Be(new ProjectReembedding(OldSpace.ModelId, model.Id, 2, 2, null, Completed: true));
        (await _index.GetEmbeddingSpaceAsync(_scope, CancellationToken.None)).Should().Be(new EmbeddingSpace(model.Id, 256));
        (await _index.ReadChunksAsync(_scope, null, 10, CancellationToken.None)).Chunks.Select(c => c.ChunkId).Should().Equal("a", "b");
    }

    [Test]
    public async Task A_kill_between_the_promotion_and_its_record_is_recorded_as_completed_at_the_next_start()
    {
        var model = new CountingModel(fail: false);
        _events.Add(_scope.ProjectId, new ProjectReembeddingStarted(_scope.ProjectId, OldSpace.ModelId, model.Id, 2, Now));
        using (var embedder = new HashingEmbeddingGenerator(256))
            await _index.UpsertStagedAsync(_scope, new EmbeddingSpace(model.Id, 256),
                [Chunk("a", "Dental cleanings are covered twice a year.", embedder), Chunk("b", "Glasses are covered up to 150 dollars.", embedder)],
                CancellationToken.None);
        (await _index.PromoteStagedAsync(_scope, CancellationToken.None)).Should().BeTrue();

        (await Reembedder(model).ReembedAsync(_scope, CancellationToken.None)).Should().BeFalse("the space is already the model's");
        (await Reembedder(model).ReembedAsync(_scope, CancellationToken.None)).Should().BeFalse();

        model.Embedded.Should().BeEmpty();
        _events.Stream(_scope.ProjectId).Skip(1).Should().Equal(
            new ProjectReembeddingStarted(_scope.ProjectId, OldSpace.ModelId, model.Id, 2, Now),
            new ProjectReembeddingCompleted(_scope.ProjectId, model.Id, 2, Now));
    }

    private ProjectReembedder Reembedder(CountingModel model) =>
        new(model, _index, _events, _progress, new FixedClock(Now), NullLogger<ProjectReembedder>.Instance);

    private static IndexedChunk Chunk(string id, string text, HashingEmbeddingGenerator embedder) =>
        new(id, Guid.NewGuid(), 1, "benefits.md", text, null, 1, 1, 0, text.Length, embedder.Embed(text));
}
