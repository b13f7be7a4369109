using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Companies.UpdateWorkspaceSettings;

public sealed class UpdateWorkspaceSettingsCommandHandler(IRequestContext context, IEventStore eventStore)
    : ICommandHandler<UpdateWorkspaceSettingsCommand, WorkspaceSettings>
{
    public async ValueTask<WorkspaceSettings> Handle(UpdateWorkspaceSettingsCommand command, CancellationToken cancellationToken)
    {
        WorkspaceSettings? updated = null;
        await eventStore.ExecuteAsync(context, company =>
        {
            updated = new WorkspaceSettings(
                command.AllowedOrigins ?? company.Settings.AllowedOrigins,
                command.SystemPrompt ?? company.Settings.SystemPrompt,
                command.DataRetentionDays ?? company.Settings.DataRetentionDays);
            return company.ChangeSettings(updated);
        }, cancellationToken);
        return updated!;
    }
}
