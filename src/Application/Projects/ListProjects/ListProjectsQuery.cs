using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Projects.ListProjects;

/// <summary>The workspace's projects; <paramref name="ProjectId"/> keeps only that one (an API key's own project).</summary>
[Authorize(CompanyRole.Member)]
[AllowApiKey]
public sealed record ListProjectsQuery(bool IncludeArchived = false, Guid? ProjectId = null) : IQuery<IReadOnlyList<ProjectDetails>>, IProjectFiltered
{
    public IProjectFiltered RestrictedTo(Guid projectId) => this with { ProjectId = projectId };
}
