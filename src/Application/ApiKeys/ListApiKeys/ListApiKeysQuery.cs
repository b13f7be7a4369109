using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.ApiKeys.ListApiKeys;

/// <summary>Every key of the workspace (all projects), newest first.</summary>
[Authorize(CompanyRole.Member)]
public sealed record ListApiKeysQuery : IQuery<IReadOnlyList<ApiKeyDetails>>;
