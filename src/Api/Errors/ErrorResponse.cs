namespace CleanRag.Api.Errors;

/// <summary>The one error shape of the API: <c>{"error": "...", "code": "snake_case", "status": 400, "traceId": "..."}</c>.</summary>
public sealed record ErrorResponse(string Error, string Code, int Status)
{
    /// <summary>Per-field messages, only for validation failures.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>Seconds to wait before retrying, only for 429 rate_limited.</summary>
    public int? RetryAfter { get; init; }

    /// <summary>The request's trace id, for the user to quote to support; the request's log line carries the same id.</summary>
    public string? TraceId { get; init; }

    /// <summary>This error for the request of <paramref name="http"/>: with its trace id.</summary>
    public ErrorResponse For(HttpContext http) => this with { TraceId = RequestTrace.IdOf(http) };

    public IResult ToResult(HttpContext http) => TypedResults.Json(For(http), statusCode: Status);
}
