using CleanRag.Api.Authentication;
using CleanRag.Application.Common.Interfaces;

namespace CleanRag.Api.PublicChat;

/// <summary>
/// The API's public address for links made in Application (citations): <c>Auth:PublicBaseUrl</c> when configured —
/// behind a proxy the request's host may be an internal name — else the scheme and host the current request came to.
/// </summary>
internal sealed class RequestPublicAddress(IHttpContextAccessor http, PublicAuthSettings settings) : IPublicAddress
{
    public string BaseUrl => (http.HttpContext?.Request is { } request
        ? settings.BaseUrlFor(request)
        : settings.PublicBaseUrl ?? throw new InvalidOperationException(
            "Links outside a request need Auth:PublicBaseUrl: there is no request to take the address from.")).TrimEnd('/');
}
