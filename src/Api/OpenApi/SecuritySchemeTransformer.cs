using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CleanRag.Api.OpenApi;

/// <summary>
/// Declares the API's two ways of calling it — a dashboard JWT and a project's API key — and gives each operation the
/// requirement its <see cref="CallerRequirement"/> metadata names, so generated clients send the right credential.
/// </summary>
internal sealed class SecuritySchemeTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string Bearer = "bearer";
    public const string ApiKey = "apiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "The dashboard's access token, from POST /v1/auth/login or /v1/auth/refresh (or the configured OIDC provider).",
        };
        document.Components.SecuritySchemes[ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = PublicChat.ApiKeyFilter.KeyHeader,
            Description = "A project's API key (sk_live_… or sk_test_…); also accepted as Authorization: Bearer sk_….",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<CallerRequirement>().LastOrDefault() is { } requirement)
        {
            // Several requirements are alternatives: either credential will do.
            operation.Security = [Requirement(requirement.SecurityScheme, context.Document)];
            if (requirement.AlternativeScheme is { } alternative)
                operation.Security.Add(Requirement(alternative, context.Document));
        }
        return Task.CompletedTask;
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument? document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };
}
