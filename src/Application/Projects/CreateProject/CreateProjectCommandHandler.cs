using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Projects;
using Mediator;

namespace CleanRag.Application.Projects.CreateProject;

public sealed class CreateProjectCommandHandler(IEventStore eventStore, IRequestContext context, TimeProvider clock)
    : ICommandHandler<CreateProjectCommand, CreateProjectResult>
{
    public async ValueTask<CreateProjectResult> Handle(CreateProjectCommand command, CancellationToken cancellationToken)
    {
        var projectId = Guid.CreateVersion7();
        var created = Project.Create(projectId, context.TenantId, command.Name, command.Description, context.UserId, clock.GetUtcNow());
        await eventStore.StartStreamAsync<Project>(projectId, [created], cancellationToken);
        return new CreateProjectResult(projectId);
    }
}
