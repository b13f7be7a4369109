using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Companies.UpdateWorkspaceSettings;

public sealed class UpdateWorkspaceSettingsCommandHandler(IRequestContext context, IAggregateStore aggregates)
    : ICommandHandler<UpdateWorkspaceSettingsCommand, WorkspaceSettings>
{
    public async ValueTask<WorkspaceSettings> Handle(UpdateWorkspaceSettingsCommand command, CancellationToken cancellationToken)
    {
        var company = await aggregates.LoadCompanyForUpdateAsync(context, cancellationToken);
        var updated = new WorkspaceSettings(
            command.AllowedOrigins ?? company.Settings.AllowedOrigins,
            command.SystemPrompt ?? company.Settings.SystemPrompt,
            command.DataRetentionDays ?? company.Settings.DataRetentionDays);
        aggregates.Append(company, company.ChangeSettings(updated));
        return updated;
    }
}
