using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Projects;
using Mediator;

namespace CleanRag.Application.Projects.UpdateProject;

public sealed class UpdateProjectCommandHandler(IAggregateStore aggregates, IUnitOfWork unitOfWork, IReadStore readStore)
    : ICommandHandler<UpdateProjectCommand, ProjectDetails>
{
    public async ValueTask<ProjectDetails> Handle(UpdateProjectCommand command, CancellationToken cancellationToken)
    {
        var project = await aggregates.LoadForUpdateAsync<Project>(command.ProjectId, cancellationToken) ?? throw new NotFoundException("Project");
        if (command.ExpectedVersion is { } expected && expected != project.Version)
            throw new ConcurrencyConflictException();

        if (command.Name is not null || command.Description is not null)
            aggregates.Append(project, project.Rename(command.Name ?? project.Name, command.Description ?? project.Description));
        if (command.Settings is { IsEmpty: false } input)
            aggregates.Append(project, project.ChangeSettings(input.ApplyTo(project.Settings)));
        await unitOfWork.CommitAsync(cancellationToken); // the answer is read from the read model
        return await readStore.LoadAsync<ProjectDetails>(project.Id, cancellationToken) ?? throw new NotFoundException("Project");
    }
}
