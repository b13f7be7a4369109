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

/// <summary>Encrypts signing secrets for storage (events and read models) and decrypts them to sign or show to admins.</summary>
public interface IWebhookSecretProtector
{
    string Protect(string secret);

    string Unprotect(string protectedSecret);
}

/// <summary>Durable hand-over of deliveries to the delivery consumer.</summary>
public interface IWebhookDeliveryQueue
{
    /// <summary>Stores a new delivery in PostgreSQL, then dispatches it; a lost dispatch is picked up again by the sweeper.</summary>
    Task EnqueueAsync(WebhookDelivery delivery, CancellationToken cancellationToken);

    /// <summary>Gives a finished delivery a fresh round of attempts (same id and body); a conflict while it is still pending.</summary>
    Task<WebhookDelivery> RedeliverAsync(WebhookDelivery delivery, CancellationToken cancellationToken);
}
