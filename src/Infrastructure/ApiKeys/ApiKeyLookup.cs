using CleanRag.Domain.ApiKeys;

namespace CleanRag.Infrastructure.ApiKeys;

/// <summary>
/// Global (not per tenant) index of the active keys by hash: a keyed request knows nothing but its key.
/// A revoked key's row is deleted in the revocation's transaction, so it fails from the next request on.
/// </summary>
public sealed class ApiKeyLookup
{
    /// <summary>The key's hash (hex).</summary>
    public string Id { get; set; } = "";
    public Guid KeyId { get; set; }
    public Guid CompanyId { get; set; }
    public Guid ProjectId { get; set; }
    public ApiKeyEnvironment Environment { get; set; }
}
