using CleanRag.Domain.Common;

namespace CleanRag.Domain.Projects;

public sealed record ProjectCreated(
    Guid ProjectId,
    Guid CompanyId,
    string Name,
    string? Description,
    ProjectSettings Settings,
    Guid CreatedBy,
    DateTimeOffset CreatedAt) : IDomainEvent;

public sealed record ProjectRenamed(Guid ProjectId, string Name, string? Description) : IDomainEvent;

public sealed record ProjectSettingsChanged(Guid ProjectId, ProjectSettings Settings) : IDomainEvent;

/// <summary>An admin changed how the project's chat widget looks or its office hours (the whole settings, as they now are).</summary>
public sealed record WidgetConfigured(Guid ProjectId, WidgetSettings Widget) : IDomainEvent;

public sealed record ProjectArchived(Guid ProjectId, Guid ArchivedBy, DateTimeOffset ArchivedAt) : IDomainEvent;

/// <summary>An admin deployed the project: pending documents are ingested and a new live key was issued.</summary>
public sealed record ProjectDeploymentStarted(Guid ProjectId, Guid DeployedBy, DateTimeOffset StartedAt) : IDomainEvent;

/// <summary>The project answers public traffic (it has at least one indexed document).</summary>
public sealed record ProjectWentLive(Guid ProjectId, DateTimeOffset At) : IDomainEvent;

/// <summary>An admin judged a knowledge gap (a group of unanswered or badly rated questions) not worth acting on.</summary>
public sealed record KnowledgeGapDismissed(Guid ProjectId, Guid GapId, Guid DismissedBy, DateTimeOffset At) : IDomainEvent;

/// <summary>An admin says the documents now cover a knowledge gap; it shows again only if the problem recurs after <paramref name="At"/>.</summary>
public sealed record KnowledgeGapResolved(Guid ProjectId, Guid GapId, Guid ResolvedBy, DateTimeOffset At) : IDomainEvent;

/// <summary>
/// The installation's embedding model changed: the project's chunks are being embedded again, from the
/// <paramref name="FromModel"/> space its index holds into <paramref name="ToModel"/>'s. Chat answers from the old space until it completes.
/// </summary>
public sealed record ProjectReembeddingStarted(Guid ProjectId, string FromModel, string ToModel, int ChunkCount, DateTimeOffset At) : IDomainEvent;

/// <summary>Every chunk is embedded with <paramref name="ToModel"/> and that index now answers.</summary>
public sealed record ProjectReembeddingCompleted(Guid ProjectId, string ToModel, int ChunkCount, DateTimeOffset At) : IDomainEvent;

/// <summary>Re-embedding stopped on an error; the old space keeps answering and it is tried again at the next start.</summary>
public sealed record ProjectReembeddingFailed(Guid ProjectId, string ToModel, string Reason, DateTimeOffset At) : IDomainEvent;
