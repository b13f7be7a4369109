namespace CleanRag.Application.Webhooks;

/// <summary>
/// Where webhooks may point. Refuses targets on loopback, private, link-local, metadata and other non-public
/// addresses (after resolving DNS) unless the host is allow-listed; the delivery path checks again when it connects.
/// </summary>
public interface IWebhookUrlGuard
{
    /// <summary>Whether plain http targets are accepted (otherwise https only).</summary>
    bool AllowsHttp { get; }

    /// <summary>Null when the URL's host is safe to call; otherwise why it is not.</summary>
    Task<string?> FindUnsafeTargetAsync(Uri url, CancellationToken cancellationToken);
}
