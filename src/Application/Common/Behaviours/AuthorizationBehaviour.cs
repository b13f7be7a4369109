using System.Collections.Concurrent;
using System.Reflection;
using CleanRag.Application.ApiKeys;
using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Common.Security;
using CleanRag.Application.Plans;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Common.Behaviours;

/// <summary>
/// Checks the message's <see cref="AuthorizeAttribute"/> against the caller's server-side role before
/// validation and handling: 401 when not signed in, 403 when the role is too low or there is no company.
/// A caller with an API key may send only messages marked <see cref="AllowApiKeyAttribute"/>, acts with a member's
/// rights, and reaches only its key's project.
/// </summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(IRequestContext context, PlanGuard plans) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly ConcurrentDictionary<Type, AuthorizeAttribute?> Requirements = new();
    private static readonly ConcurrentDictionary<Type, bool> NeedsApiKey = new();
    private static readonly ConcurrentDictionary<Type, bool> AllowsApiKey = new();

    public ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (NeedsApiKey.GetOrAdd(typeof(TMessage), type => type.GetCustomAttribute<AuthorizeApiKeyAttribute>() is not null) && context.ApiKey is null)
            throw new UnauthorizedException(AuthorizeApiKeyAttribute.FailureMessage, "invalid_api_key");

        var requirement = Requirements.GetOrAdd(typeof(TMessage), type => type.GetCustomAttribute<AuthorizeAttribute>());
        if (requirement is null)
            return next(message, cancellationToken);
        if (context.ApiKey is { } key)
            return SendWithKeyAsync(ScopedToKey(message, key, requirement), next, cancellationToken);

        if (!context.IsAuthenticated)
            throw new UnauthorizedException();
        if (requirement.MinimumRole is { } minimum)
        {
            if (context.TenantId == Guid.Empty || context.Role is null)
                throw new ForbiddenException("Create a company or accept an invite first.", "no_company");
            EnsureRole(context.Role.Value, minimum);
        }
        return next(message, cancellationToken);
    }

    /// <summary>The public chat is every plan's; reading and managing the workspace with a key is the plan's <see cref="Features.ApiAccess"/>.</summary>
    private async ValueTask<TResponse> SendWithKeyAsync(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        await plans.EnsureAllowsAsync(Features.ApiAccess, cancellationToken);
        return await next(message, cancellationToken);
    }

    /// <summary>
    /// The message as a key may send it: only if opened to keys, within a member's rights, about the key's own project (a workspace-wide
    /// read narrowed to it). The tenant is already the key's company, so other companies' ids stay unknown as for any caller.
    /// </summary>
    private static TMessage ScopedToKey(TMessage message, ApiKeyCaller key, AuthorizeAttribute requirement)
    {
        if (!AllowsApiKey.GetOrAdd(typeof(TMessage), type => type.GetCustomAttribute<AllowApiKeyAttribute>() is not null))
            throw new ForbiddenException(AllowApiKeyAttribute.NotAllowedMessage, "api_key_not_allowed");
        if (requirement.MinimumRole is { } minimum)
            EnsureRole(CompanyRole.Member, minimum);
        switch (message)
        {
            case IProjectScoped scoped when scoped.ProjectId != key.ProjectId:
            case IProjectFiltered { ProjectId: { } filter } when filter != key.ProjectId:
                throw new NotFoundException("Project");
            case IProjectFiltered filtered:
                return (TMessage)filtered.RestrictedTo(key.ProjectId);
            case IProjectScoped:
                return message;
            default:
                // Unreachable for production messages (an architecture test); refusing keeps a forgotten scope from reading the workspace.
                throw new ForbiddenException(AllowApiKeyAttribute.NotAllowedMessage, "api_key_not_allowed");
        }
    }

    private static void EnsureRole(CompanyRole role, CompanyRole minimum)
    {
        if (role < minimum)
            throw new ForbiddenException($"This action needs the {minimum.ToString().ToLowerInvariant()} role.");
    }
}
