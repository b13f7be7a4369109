using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CleanRag.Api.OpenApi;

/// <summary>
/// Endpoint metadata: the route's JSON success can also come as a text/event-stream (on <c>Accept: text/event-stream</c>). Minimal APIs
/// keep one declared response per status, so the transformer adds the stream beside the JSON.
/// </summary>
internal sealed class EventStreamAlternative : IOpenApiOperationTransformer
{
    public const string ContentType = "text/event-stream";

    public static readonly EventStreamAlternative Marker = new();

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.Contains(Marker)
            && operation.Responses?.TryGetValue("200", out var success) == true && success is OpenApiResponse response)
        {
            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            response.Content[ContentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        }
        return Task.CompletedTask;
    }
}
