using System.Text.Json;
using CleanRag.Api.Logging;
using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Documents;
using CleanRag.Application.Webhooks;
using Microsoft.AspNetCore.Diagnostics;

namespace CleanRag.Api.Errors;

/// <summary>
/// Maps every exception that escapes an endpoint to the API's error shape. 500s never leak details; a dependency
/// outage is a retriable 503, logged without a stack trace; client errors are not logged here at all (the request
/// log records their status).
/// </summary>
internal sealed partial class ApiExceptionHandler(IDependencyOutageDetector outages, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>How long clients are asked to wait after a dependency outage.</summary>
    internal const int OutageRetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var error = Map(exception, outages).For(httpContext);
        if (error.Code == ServiceUnavailable)
        {
            LogOutage(error.Error, httpContext.Request.Method, RequestLogging.PathForLog(httpContext), exception.GetBaseException().Message);
        }
        else if (error.Status >= 500)
        {
            LogUnhandled(exception, httpContext.Request.Method, RequestLogging.PathForLog(httpContext));
        }

        httpContext.Response.StatusCode = error.Status;
        if (error.RetryAfter is { } retryAfter) // 429 and 503
            httpContext.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await httpContext.Response.WriteAsJsonAsync(error, cancellationToken);
        return true;
    }

    private const string ServiceUnavailable = "service_unavailable";

    /// <summary>The error a client sees for <paramref name="exception"/>, a dependency outage being a retriable 503.</summary>
    internal static ErrorResponse Map(Exception exception, IDependencyOutageDetector outages) =>
        Map(exception) is { Status: >= 500 } && outages.FindUnavailableDependency(exception) is { } dependency
            ? new ErrorResponse($"The {dependency} is unavailable; try again shortly.", ServiceUnavailable, 503) { RetryAfter = OutageRetryAfterSeconds }
            : Map(exception);

    private static ErrorResponse Map(Exception exception) => exception switch
    {
        RequestValidationException e => new ErrorResponse(e.Message, e.Code, 400) { Errors = e.Errors },
        NotFoundException e => new ErrorResponse(e.Message, e.Code, 404),
        UnsafeUrlException e => new ErrorResponse(e.Message, e.Code, 400),
        ForbiddenException e => new ErrorResponse(e.Message, e.Code, 403),
        TooManyRequestsException e => new ErrorResponse(e.Message, e.Code, 429) { RetryAfter = e.RetryAfterSeconds },
        UnauthorizedException e => new ErrorResponse(e.Message, e.Code, 401),
        DuplicateException e => new ErrorResponse(e.Message, e.Code, 409),
        UpstreamModelException e => new ErrorResponse(e.Message, e.Code, 502),
        ConflictException e => new ErrorResponse(e.Message, e.Code, 409),
        BadRequestException e => new ErrorResponse(e.Message, e.Code, 400),
        ConcurrencyConflictException e => new ErrorResponse(e.Message, e.Code, 409),
        FileTooLargeException e => new ErrorResponse(e.Message, "payload_too_large", 413),
        TooManyFilesException e => new ErrorResponse(e.Message, "too_many_files", 413),
        BadHttpRequestException { InnerException: JsonException { Path: { Length: > 1 } path } } =>
            new ErrorResponse($"The request body has an invalid value at {path}.", "malformed_json", 400),
        BadHttpRequestException { InnerException: JsonException } =>
            new ErrorResponse("The request body is not valid JSON.", "malformed_json", 400),
        BadHttpRequestException { StatusCode: 413 } =>
            new ErrorResponse("The request body is too large.", "payload_too_large", 413),
        BadHttpRequestException e => new ErrorResponse(e.Message, "bad_request", e.StatusCode),
        _ => new ErrorResponse("An unexpected error occurred.", "internal_error", 500),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Error} ({Method} {Path}: {Reason})")]
    private partial void LogOutage(string error, string method, string path, string reason);
}
