using CleanRag.Domain.Common;

namespace CleanRag.Domain.Evaluation;

public sealed record TestPromptAdded(
    Guid SuiteId, Guid ProjectId, Guid PromptId, string Question, TestExpectation Expectation, Guid AddedBy, DateTimeOffset AddedAt) : IDomainEvent;

public sealed record TestPromptChanged(
    Guid SuiteId, Guid PromptId, string Question, TestExpectation Expectation, Guid ChangedBy, DateTimeOffset ChangedAt) : IDomainEvent;

public sealed record TestPromptRemoved(Guid SuiteId, Guid PromptId, Guid RemovedBy, DateTimeOffset RemovedAt) : IDomainEvent;
