using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Projects;
using Mediator;

namespace CleanRag.Application.Projects.ArchiveProject;

public sealed class ArchiveProjectCommandHandler(IEventStore eventStore, IReadStore readStore, IRequestContext context, TimeProvider clock)
    : ICommandHandler<ArchiveProjectCommand, ProjectDetails>
{
    public async ValueTask<ProjectDetails> Handle(ArchiveProjectCommand command, CancellationToken cancellationToken)
    {
        var project = await eventStore.LoadAsync<Project>(command.ProjectId, cancellationToken) ?? throw new NotFoundException("Project");
        await eventStore.AppendAsync(project.Id, project.Version, [project.Archive(context.UserId, clock.GetUtcNow())], cancellationToken);
        return await readStore.LoadAsync<ProjectDetails>(project.Id, cancellationToken) ?? throw new NotFoundException("Project");
    }
}
