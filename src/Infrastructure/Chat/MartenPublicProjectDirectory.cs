using CleanRag.Application.Chat;
using CleanRag.Application.Projects;
using Marten;

namespace CleanRag.Infrastructure.Chat;

/// <summary>Looks a project up across tenants (the widget names only a project); returns routing facts, never content.</summary>
internal sealed class MartenPublicProjectDirectory(IDocumentStore store) : IPublicProjectDirectory
{
    public async Task<PublicProject?> FindAsync(Guid projectId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var project = await session.Query<ProjectDetails>()
            .Where(p => p.AnyTenant() && p.Id == projectId)
            .FirstOrDefaultAsync(cancellationToken);
        return project is null ? null : new PublicProject(project.Id, project.CompanyId, project.Settings.AllowedOrigins, project.Settings.RateLimits);
    }
}
