using CleanRag.Api.PublicChat;

namespace CleanRag.Api.OpenApi;

/// <summary>
/// Endpoint metadata naming who a route needs as its caller; the OpenAPI document's security requirements are read from it.
/// Routes without it are public. <paramref name="AlternativeScheme"/> is a second credential the route accepts instead.
/// </summary>
internal sealed record CallerRequirement(string SecurityScheme, string? AlternativeScheme = null)
{
    public static readonly CallerRequirement SignedInUser = new(SecuritySchemeTransformer.Bearer);

    public static readonly CallerRequirement ApiKey = new(SecuritySchemeTransformer.ApiKey);

    public static readonly CallerRequirement SignedInUserOrApiKey = new(SecuritySchemeTransformer.Bearer, SecuritySchemeTransformer.ApiKey);
}

internal static class CallerRequirementExtensions
{
    /// <summary>
    /// Declares that the routes need a signed-in user; the Application's authorization behaviour refuses a request whose
    /// <c>[Authorize]</c> the caller does not meet. An API key is refused (<c>api_key_not_allowed</c>) unless the route also
    /// says <see cref="AllowApiKey"/>.
    /// </summary>
    public static TBuilder RequireSignedInUser<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(CallerRequirement.SignedInUser).AddEndpointFilter(ApiKeyFilter.DashboardAsync);

    /// <summary>
    /// Opens a dashboard route to the programmatic API: a project's API key may call it instead of a signed-in user. Its message must
    /// allow keys too (<c>[AllowApiKey]</c>), which keeps the key to its own project.
    /// </summary>
    public static RouteHandlerBuilder AllowApiKey(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(CallerRequirement.SignedInUserOrApiKey).ProducesErrors(429);
}
