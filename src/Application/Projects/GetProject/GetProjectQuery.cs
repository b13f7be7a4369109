using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Projects.GetProject;

[Authorize(CompanyRole.Member)]
[AllowApiKey]
public sealed record GetProjectQuery(Guid ProjectId) : IQuery<ProjectDetails>, IProjectScoped;
