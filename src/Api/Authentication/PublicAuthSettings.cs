namespace CleanRag.Api.Authentication;

/// <summary>
/// What clients may know about how this API authenticates and where it is reached, taken from the auth options once at
/// start-up, so endpoints need not read Infrastructure's options.
/// </summary>
/// <param name="Issuer">The token issuer: the OIDC authority when one is configured, else the built-in issuer.</param>
/// <param name="TokenEndpoint">Where the built-in issuer hands out tokens; null with an external OIDC provider.</param>
/// <param name="PublicBaseUrl">The configured public address of the API; null means the address the request came to.</param>
internal sealed record PublicAuthSettings(string AuthMode, string Issuer, string Audience, string? TokenEndpoint, string? PublicBaseUrl)
{
    public string BaseUrlFor(HttpRequest request) => PublicBaseUrl ?? $"{request.Scheme}://{request.Host}";
}
