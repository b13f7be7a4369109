namespace CleanRag.Application.Common.Interfaces;

/// <summary>
/// Who is calling, resolved server-side for each request. The tenant id scopes every read and write
/// to one company's data.
/// </summary>
public interface IRequestContext
{
    Guid TenantId { get; }
    Guid UserId { get; }
}
