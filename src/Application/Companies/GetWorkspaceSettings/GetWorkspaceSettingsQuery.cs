using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Companies.GetWorkspaceSettings;

[Authorize(CompanyRole.Member)]
public sealed record GetWorkspaceSettingsQuery : IQuery<WorkspaceSettings>;
