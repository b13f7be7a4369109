using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.ApiKeys.ListProjectApiKeys;

/// <summary>A project's keys, newest first: prefix, name, environment, timestamps and status, never the key.</summary>
[Authorize(CompanyRole.Member)]
public sealed record ListProjectApiKeysQuery(Guid ProjectId) : IQuery<IReadOnlyList<ApiKeyDetails>>;
