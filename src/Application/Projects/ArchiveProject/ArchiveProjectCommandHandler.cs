using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Projects;
using Mediator;

namespace CleanRag.Application.Projects.ArchiveProject;

public sealed class ArchiveProjectCommandHandler(IAggregateStore aggregates, IUnitOfWork unitOfWork, IReadStore readStore, IRequestContext context, TimeProvider clock)
    : ICommandHandler<ArchiveProjectCommand, ProjectDetails>
{
    public async ValueTask<ProjectDetails> Handle(ArchiveProjectCommand command, CancellationToken cancellationToken)
    {
        var project = await aggregates.LoadForUpdateAsync<Project>(command.ProjectId, cancellationToken) ?? throw new NotFoundException("Project");
        aggregates.Append(project, project.Archive(context.UserId, clock.GetUtcNow()));
        await unitOfWork.CommitAsync(cancellationToken); // the answer is read from the read model
        return await readStore.LoadAsync<ProjectDetails>(project.Id, cancellationToken) ?? throw new NotFoundException("Project");
    }
}
