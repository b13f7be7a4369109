namespace CleanRag.Api.OpenApi;

/// <summary>
/// Endpoint metadata naming who a route needs as its caller; the OpenAPI document's security requirements are read from it.
/// Routes without it are public.
/// </summary>
internal sealed record CallerRequirement(string SecurityScheme)
{
    public static readonly CallerRequirement SignedInUser = new(SecuritySchemeTransformer.Bearer);

    public static readonly CallerRequirement ApiKey = new(SecuritySchemeTransformer.ApiKey);
}

internal static class CallerRequirementExtensions
{
    /// <summary>
    /// Declares that the routes need a signed-in user. It documents, it does not enforce: the Application's
    /// authorization behaviour refuses a request whose <c>[Authorize]</c> the caller does not meet.
    /// </summary>
    public static TBuilder RequireSignedInUser<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(CallerRequirement.SignedInUser);
}
