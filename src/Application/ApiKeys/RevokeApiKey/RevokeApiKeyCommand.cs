using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using CleanRag.Application.Common;
using Mediator;

namespace CleanRag.Application.ApiKeys.RevokeApiKey;

/// <summary>Revokes a key for good: requests with it fail from the next one on.</summary>
[Authorize(CompanyRole.Admin)]
public sealed record RevokeApiKeyCommand(Guid ProjectId, Guid KeyId) : ICommand<ApiKeyDetails>, IRetryOnConcurrencyConflict;
