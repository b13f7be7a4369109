using Mediator;

namespace CleanRag.Application.Projects.GetProject;

public sealed record GetProjectQuery(Guid ProjectId) : IQuery<ProjectDetails>;
