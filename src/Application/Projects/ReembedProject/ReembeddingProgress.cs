using System.Collections.Concurrent;

namespace CleanRag.Application.Projects.ReembedProject;

/// <summary>
/// How far each project's re-embedding is, batch by batch. Kept in memory rather than in events (which record only its
/// start and end): it changes many times a second and is worth nothing after a restart, which starts the count again.
/// </summary>
public sealed class ReembeddingProgress
{
    private readonly ConcurrentDictionary<Guid, ProjectReembedding> _projects = new();

    public ProjectReembedding? Of(Guid projectId) => _projects.GetValueOrDefault(projectId);

    internal void Report(Guid projectId, string fromModel, string toModel, int done, int total) =>
        _projects[projectId] = new ProjectReembedding(fromModel, toModel, done, total, Failure: null, Completed: false);

    /// <summary>Kept, so the project shows what its last re-embedding did until the next start.</summary>
    internal void Complete(Guid projectId, string fromModel, string toModel, int total) =>
        _projects[projectId] = new ProjectReembedding(fromModel, toModel, total, total, Failure: null, Completed: true);

    internal void Fail(Guid projectId, string reason) =>
        _projects.AddOrUpdate(projectId,
            _ => new ProjectReembedding("", "", 0, 0, reason, Completed: false),
            (_, running) => running with { Failure = reason });
}

/// <summary>
/// A project's re-embedding: <paramref name="Done"/> of <paramref name="Total"/> chunks are in the new space;
/// <paramref name="Completed"/> once its completion is recorded in the project's history (the promotion comes just before).
/// </summary>
public sealed record ProjectReembedding(string FromModel, string ToModel, int Done, int Total, string? Failure, bool Completed);
