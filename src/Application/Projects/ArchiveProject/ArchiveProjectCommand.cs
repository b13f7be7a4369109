using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Projects.ArchiveProject;

/// <summary>Archives a project: it stays readable, but chat refuses it.</summary>
[Authorize(CompanyRole.Admin)]
public sealed record ArchiveProjectCommand(Guid ProjectId) : ICommand<ProjectDetails>;
