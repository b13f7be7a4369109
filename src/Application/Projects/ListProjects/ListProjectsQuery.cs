using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Projects.ListProjects;

[Authorize(CompanyRole.Member)]
public sealed record ListProjectsQuery(bool IncludeArchived = false) : IQuery<IReadOnlyList<ProjectDetails>>;
