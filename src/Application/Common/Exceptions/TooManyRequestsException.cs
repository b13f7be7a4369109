namespace CleanRag.Application.Common.Exceptions;

/// <summary>The caller must wait <see cref="RetryAfter"/> before trying again (429).</summary>
public sealed class TooManyRequestsException(string code, string message, TimeSpan retryAfter) : ApplicationErrorException(code, message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>For the <c>Retry-After</c> header and the error's <c>retryAfter</c>.</summary>
    public int RetryAfterSeconds => WholeSeconds(RetryAfter);

    /// <summary>Rounded up and at least 1: a client that waits less is refused again.</summary>
    public static int WholeSeconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}
