using CleanRag.Domain.Projects;

namespace CleanRag.Application.Chat;

/// <summary>
/// Finds a project by id alone, across companies, for the keyless widget endpoint, which learns its tenant
/// only from the project it names. It returns just what routing, CORS and rate limiting need.
/// </summary>
public interface IPublicProjectDirectory
{
    Task<PublicProject?> FindAsync(Guid projectId, CancellationToken cancellationToken);
}

public sealed record PublicProject(Guid ProjectId, Guid CompanyId, IReadOnlyList<string> AllowedOrigins, RateLimitSettings? RateLimits);
