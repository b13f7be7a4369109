using CleanRag.Application.ApiKeys;
using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using CleanRag.Domain.Projects;
using CleanRag.Application.Common;
using Mediator;

namespace CleanRag.Application.Projects.DeployProject;

/// <summary>
/// Takes a project live: confirms received uploads, queues ingestion of everything not indexed, issues a
/// new live key (returned only here) and revokes the earlier live keys.
/// </summary>
[Authorize(CompanyRole.Admin)]
public sealed record DeployProjectCommand(Guid ProjectId) : ICommand<Deployment>, IRetryOnConcurrencyConflict;

public sealed record Deployment(
    Guid ProjectId, ProjectStatus Status, IssuedApiKey Key, int RevokedKeys, int ConfirmedUploads, int QueuedDocuments, DeployReadiness Readiness);
