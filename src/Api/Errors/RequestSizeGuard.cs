namespace CleanRag.Api.Errors;

/// <summary>
/// Refuses a request whose Content-Length already says it is too large, before reading any of its body: a client
/// that sends <c>Expect: 100-continue</c> (curl does for large bodies) then never sends the body, and one that does
/// not at least gets the answer first. The connection is closed afterwards, since the unread body cannot be skipped.
/// </summary>
internal sealed class RequestSizeGuard(RequestDelegate next, long maxRequestBodyBytes)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.Request.ContentLength is { } length && length > maxRequestBodyBytes)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            http.Response.Headers.Connection = "close";
            await http.Response.WriteAsJsonAsync(new ErrorResponse(
                $"The request body ({length} bytes) is larger than the limit of {maxRequestBodyBytes} bytes.", "payload_too_large", 413).For(http));
            return;
        }
        await next(http);
    }
}
