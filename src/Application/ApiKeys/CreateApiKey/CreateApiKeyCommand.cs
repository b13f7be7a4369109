using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.ApiKeys.CreateApiKey;

/// <summary>Issues a named key for a project; <paramref name="Environment"/> is "live" or "test".</summary>
[Authorize(CompanyRole.Admin)]
public sealed record CreateApiKeyCommand(Guid ProjectId, string Name, string Environment) : ICommand<IssuedApiKey>;
