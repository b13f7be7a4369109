namespace CleanRag.Application.Common.Exceptions;

/// <summary>
/// A remote model (embeddings or chat) kept failing after the retries, timed out, or its circuit is
/// open. The request may succeed later; nothing the caller sent was wrong. <see cref="Cause"/> holds the
/// last underlying failure (the base type has no inner-exception constructor).
/// </summary>
public sealed class UpstreamModelException(string message, Exception? cause = null)
    : ApplicationErrorException("upstream_failed", message)
{
    public Exception? Cause { get; } = cause;
}
