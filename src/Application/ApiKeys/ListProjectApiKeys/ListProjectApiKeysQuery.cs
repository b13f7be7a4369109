using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.ApiKeys.ListProjectApiKeys;

/// <summary>
/// A project's keys, newest first: prefix, name, environment, timestamps and status, never the key. Admins only, as
/// seed 001 has it (key management is an admin's); members see the workspace-wide <c>GET /v1/keys</c>.
/// </summary>
[Authorize(CompanyRole.Admin)]
public sealed record ListProjectApiKeysQuery(Guid ProjectId) : IQuery<IReadOnlyList<ApiKeyDetails>>;
