using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Plans;
using CleanRag.Application.Projects.GetWidgetConfig;
using CleanRag.Domain.Projects;
using Mediator;

namespace CleanRag.Application.Projects.UpdateWidgetConfig;

public sealed class UpdateWidgetConfigCommandHandler(IAggregateStore aggregates, IUnitOfWork unitOfWork, IReadStore readStore, PlanGuard plan)
    : ICommandHandler<UpdateWidgetConfigCommand, WidgetConfigView>
{
    public async ValueTask<WidgetConfigView> Handle(UpdateWidgetConfigCommand command, CancellationToken cancellationToken)
    {
        var project = await aggregates.LoadForUpdateAsync<Project>(command.ProjectId, cancellationToken) ?? throw new NotFoundException("Project");
        if (command.ExpectedVersion is { } expected && expected != project.Version)
            throw new ConcurrencyConflictException();
        // Only turning a feature on needs the plan: clearing custom CSS or showing the branding never does.
        if (command.Input.CustomCss is { Length: > 0 })
            await plan.EnsureAllowsAsync(Features.CustomCss, cancellationToken);
        if (command.Input.ShowBranding == false)
            await plan.EnsureAllowsAsync(Features.RemoveBranding, cancellationToken);

        aggregates.Append(project, project.ConfigureWidget(command.Input.ApplyTo(project.Widget)));
        await unitOfWork.CommitAsync(cancellationToken); // the answer is read from the read model
        return WidgetConfigView.From(await readStore.LoadAsync<ProjectDetails>(project.Id, cancellationToken) ?? throw new NotFoundException("Project"));
    }
}
