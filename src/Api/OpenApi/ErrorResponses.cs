using CleanRag.Api.Errors;

namespace CleanRag.Api.OpenApi;

internal static class ErrorResponses
{
    /// <summary>Declares the error statuses a route (or every route of a group) can answer, each with the error shape.</summary>
    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, params int[] statuses) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata([.. statuses.Select(status => new ProducesResponseTypeMetadata(status, typeof(ErrorResponse), ["application/json"]))]);
}
