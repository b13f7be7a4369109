using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Companies;
using CleanRag.Application.Plans;
using CleanRag.Domain.Companies;
using CleanRag.Domain.Projects;
using Mediator;

namespace CleanRag.Application.Projects.CreateProject;

public sealed class CreateProjectCommandHandler(IAggregateStore aggregates, IUnitOfWork unitOfWork, IReadStore readStore, IRequestContext context, PlanGuard plan, TimeProvider clock)
    : ICommandHandler<CreateProjectCommand, ProjectDetails>
{
    public async ValueTask<ProjectDetails> Handle(CreateProjectCommand command, CancellationToken cancellationToken)
    {
        if (command.Settings is { IsEmpty: false } && context.Role < CompanyRole.Admin)
            throw new ForbiddenException("Setting a project's settings or allowed origins needs the admin role.");
        await plan.EnsureCanAddProjectAsync(cancellationToken);

        // New projects inherit the workspace defaults.
        var workspace = (await readStore.LoadCurrentAsync(context, cancellationToken)).Settings;
        var inherited = ProjectSettings.Default with
        {
            AllowedOrigins = workspace.AllowedOrigins,
            SystemPrompt = workspace.SystemPrompt,
        };
        var settings = command.Settings?.ApplyTo(inherited) ?? inherited;

        var projectId = Guid.CreateVersion7();
        var created = Project.Create(projectId, context.TenantId, command.Name, command.Description, settings, context.UserId, clock.GetUtcNow());
        aggregates.Start<Project>(projectId, created);
        await unitOfWork.CommitAsync(cancellationToken); // the answer is read from the read model
        return await readStore.LoadAsync<ProjectDetails>(projectId, cancellationToken) ?? throw new NotFoundException("Project");
    }
}
