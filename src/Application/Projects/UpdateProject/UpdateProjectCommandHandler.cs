using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Common;
using CleanRag.Domain.Projects;
using Mediator;

namespace CleanRag.Application.Projects.UpdateProject;

public sealed class UpdateProjectCommandHandler(IEventStore eventStore, IReadStore readStore)
    : ICommandHandler<UpdateProjectCommand, ProjectDetails>
{
    public async ValueTask<ProjectDetails> Handle(UpdateProjectCommand command, CancellationToken cancellationToken)
    {
        var project = await eventStore.LoadAsync<Project>(command.ProjectId, cancellationToken) ?? throw new NotFoundException("Project");
        if (command.ExpectedVersion is { } expected && expected != project.Version)
            throw new ConcurrencyConflictException();

        var changes = new List<IDomainEvent>();
        if (command.Name is not null || command.Description is not null)
            changes.Add(project.Rename(command.Name ?? project.Name, command.Description ?? project.Description));
        if (command.Settings is { IsEmpty: false } input)
            changes.Add(project.ChangeSettings(input.ApplyTo(project.Settings)));

        if (changes.Count > 0)
            await eventStore.AppendAsync(project.Id, project.Version, changes, cancellationToken);
        return await readStore.LoadAsync<ProjectDetails>(project.Id, cancellationToken) ?? throw new NotFoundException("Project");
    }
}
