namespace CleanRag.Application.Common.Interfaces;

/// <summary>
/// The absolute address this API is reached at, for links handed to browsers on other origins: the widget runs on the
/// customer's site, where a relative link would point at that site. The web host implements it (it alone knows the
/// configured public address and the current request), so Application builds links without depending on HTTP.
/// </summary>
public interface IPublicAddress
{
    /// <summary>scheme://host[:port][/path], without a trailing slash.</summary>
    string BaseUrl { get; }
}
