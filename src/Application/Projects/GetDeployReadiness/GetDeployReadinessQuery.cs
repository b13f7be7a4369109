using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Projects.GetDeployReadiness;

/// <summary>The deploy checklist of a project, with what still blocks it.</summary>
[Authorize(CompanyRole.Member)]
public sealed record GetDeployReadinessQuery(Guid ProjectId) : IQuery<DeployReadiness>;
