namespace CleanRag.Application.Documents;

public sealed record FileTicket(
    FileTicketPurpose Purpose, Guid TenantId, Guid ProjectId, Guid DocumentId, int Version, DateTimeOffset ExpiresAt, string? ContentHash = null);
