using System.Collections.Concurrent;
using System.Reflection;
using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Common.Security;
using Mediator;

namespace CleanRag.Application.Common.Behaviours;

/// <summary>
/// Checks the message's <see cref="AuthorizeAttribute"/> against the caller's server-side role before
/// validation and handling: 401 when not signed in, 403 when the role is too low or there is no company.
/// </summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(IRequestContext context) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly ConcurrentDictionary<Type, AuthorizeAttribute?> Requirements = new();
    private static readonly ConcurrentDictionary<Type, bool> NeedsApiKey = new();

    public ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (NeedsApiKey.GetOrAdd(typeof(TMessage), type => type.GetCustomAttribute<AuthorizeApiKeyAttribute>() is not null) && context.ApiKey is null)
            throw new UnauthorizedException(AuthorizeApiKeyAttribute.FailureMessage, "invalid_api_key");

        var requirement = Requirements.GetOrAdd(typeof(TMessage), type => type.GetCustomAttribute<AuthorizeAttribute>());
        if (requirement is null)
            return next(message, cancellationToken);

        if (!context.IsAuthenticated)
            throw new UnauthorizedException();
        if (requirement.MinimumRole is { } minimum)
        {
            if (context.TenantId == Guid.Empty || context.Role is null)
                throw new ForbiddenException("Create a company or accept an invite first.", "no_company");
            if (context.Role < minimum)
                throw new ForbiddenException($"This action needs the {minimum.ToString().ToLowerInvariant()} role.");
        }
        return next(message, cancellationToken);
    }
}
