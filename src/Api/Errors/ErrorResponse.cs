namespace CleanRag.Api.Errors;

/// <summary>The one error shape of the API: <c>{"error": "...", "code": "snake_case", "status": 400}</c>.</summary>
public sealed record ErrorResponse(string Error, string Code, int Status)
{
    /// <summary>Per-field messages, only for validation failures.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>Seconds to wait before retrying, only for 429 rate_limited.</summary>
    public int? RetryAfter { get; init; }

    public IResult ToResult() => Results.Json(this, statusCode: Status);
}
