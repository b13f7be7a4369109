namespace CleanRag.Application.Common.Exceptions;

/// <summary>
/// Base of the failures a use case reports on purpose. <see cref="Code"/> is the stable snake_case
/// code clients see; the API maps each subtype to its HTTP status.
/// </summary>
public abstract class ApplicationErrorException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>
/// The thing does not exist for the caller. Also used for other tenants' things, so existence never leaks. The code
/// names the kind of thing: <c>project_not_found</c> for "Project", <c>api_key_not_found</c> for "API key".
/// </summary>
public sealed class NotFoundException(string what, string? detail = null)
    : ApplicationErrorException($"{string.Join('_', what.ToLowerInvariant().Split(' '))}_not_found", $"{what}{detail} was not found.");

/// <summary>The caller is known but may not do this (role too low, no company yet, ...).</summary>
public sealed class ForbiddenException(string message = "Your role does not allow this action.", string code = "forbidden")
    : ApplicationErrorException(code, message);

/// <summary>The caller is not signed in, or their credentials are wrong.</summary>
public sealed class UnauthorizedException(string message = "Authentication is required.", string code = "unauthorized")
    : ApplicationErrorException(code, message);

/// <summary>The request clashes with the current state (already exists, wrong status, ...).</summary>
public sealed class ConflictException(string code, string message) : ApplicationErrorException(code, message);

/// <summary>Someone else changed the aggregate since it was read (optimistic concurrency on the stream version).</summary>
public sealed class ConcurrencyConflictException()
    : ApplicationErrorException("concurrency_conflict", "The resource was changed by another request; reload it and try again.");

/// <summary>A write collided with a unique key (an email already registered, a second membership, ...).</summary>
public sealed class DuplicateException(string message = "It already exists.") : ApplicationErrorException("duplicate", message);

/// <summary>The request is well-formed but cannot be carried out as asked (e.g. rotating when there is nothing to rotate).</summary>
public sealed class BadRequestException(string code, string message) : ApplicationErrorException(code, message);
