using Mediator;

namespace CleanRag.Application.Projects.CreateProject;

public sealed record CreateProjectCommand(string Name, string? Description) : ICommand<CreateProjectResult>;

public sealed record CreateProjectResult(Guid ProjectId);
