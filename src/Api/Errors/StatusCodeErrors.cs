namespace CleanRag.Api.Errors;

/// <summary>Gives bodiless error responses (unknown route, wrong method, 401 from authentication, ...) the error shape.</summary>
internal static class StatusCodeErrors
{
    public static ErrorResponse For(HttpContext context)
    {
        var status = context.Response.StatusCode;
        var request = context.Request;
        var error = status switch
        {
            404 => new ErrorResponse($"No route for {request.Method} {request.Path}", "route_not_found", 404),
            405 => new ErrorResponse($"{request.Method} is not allowed on {request.Path}", "method_not_allowed", 405),
            401 => new ErrorResponse("Authentication is required.", "unauthorized", 401),
            403 => new ErrorResponse("Your role does not allow this action.", "forbidden", 403),
            415 => new ErrorResponse("Unsupported content type; send application/json.", "unsupported_media_type", 415),
            _ => new ErrorResponse("The request could not be processed.", "bad_request", status),
        };
        return error.For(context);
    }
}
