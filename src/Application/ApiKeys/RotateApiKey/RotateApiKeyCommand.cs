using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using CleanRag.Application.Common;
using Mediator;

namespace CleanRag.Application.ApiKeys.RotateApiKey;

/// <summary>Replaces the project's live key: a new one is issued and every active live key is revoked at once.</summary>
[Authorize(CompanyRole.Admin)]
public sealed record RotateApiKeyCommand(Guid ProjectId) : ICommand<IssuedApiKey>, IRetryOnConcurrencyConflict;
