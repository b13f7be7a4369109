using CleanRag.Application.ApiKeys;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Documents;
using CleanRag.Domain.ApiKeys;
using CleanRag.Domain.Documents;
using CleanRag.Domain.Projects;

namespace CleanRag.Application.Projects;

/// <summary>
/// The deploy checklist. Every blocker keeps the project from serving visitors; those with
/// <see cref="DeployBlocker.PreventsDeploy"/> also refuse the deploy itself. "None indexed yet" does not:
/// deploy starts the ingestion and the project goes live with its first indexed document.
/// </summary>
public sealed record DeployReadiness(bool Ready, ProjectStatus Status, IReadOnlyList<DeployBlocker> Blockers, DeployChecks Checks)
{
    public bool CanDeploy => Blockers.All(b => !b.PreventsDeploy);

    public static DeployReadiness Evaluate(ProjectDetails project, IReadOnlyList<DocumentDetails> documents, bool hasActiveLiveKey)
    {
        var current = documents.Where(d => d.Status is not DocumentStatus.Deleted).ToList();
        var checks = new DeployChecks(
            Documents: current.Count,
            Indexed: current.Count(d => d.Status == DocumentStatus.Indexed),
            InProgress: current.Count(d => d.Status is DocumentStatus.Uploaded or DocumentStatus.Queued or DocumentStatus.Processing),
            Failed: current.Count(d => d.Status == DocumentStatus.Failed),
            PendingUploads: current.Count(d => d.Status == DocumentStatus.PendingUpload),
            AllowedOrigins: project.Settings.AllowedOrigins.Count,
            WidgetEnabled: project.Settings.WidgetEnabled,
            ActiveLiveKey: hasActiveLiveKey);

        var blockers = new List<DeployBlocker>();
        if (project.Status == ProjectStatus.Archived)
            blockers.Add(new("project_archived", "The project is archived; archived projects cannot be deployed.", true));
        if (checks.Documents == 0)
            blockers.Add(new("no_documents", "Upload at least one document.", true));
        else if (checks.Failed == checks.Documents)
            blockers.Add(new("all_documents_failed", "Every document failed ingestion; fix or replace them and sync again.", true));
        else if (checks.Indexed == 0)
            blockers.Add(new("none_indexed_yet",
                "No document is indexed yet; deploy starts their ingestion and the project goes live with the first one indexed.", false));
        if (checks.WidgetEnabled && checks.AllowedOrigins == 0)
            blockers.Add(new("widget_without_origins", "The widget is enabled but no allowed origin is set; add the website's origin.", true));

        return new DeployReadiness(blockers.Count == 0, project.Status, blockers, checks);
    }
}

/// <summary>Reads what <see cref="DeployReadiness.Evaluate"/> needs for a project of the caller's company.</summary>
public sealed class DeployReadinessReader(IReadStore readStore, ApiKeyIssuer keys)
{
    public async Task<DeployReadiness> ReadAsync(ProjectDetails project, CancellationToken cancellationToken)
    {
        var documents = await readStore.ListAsync<DocumentDetails>(q => q.Where(d => d.ProjectId == project.Id), cancellationToken);
        var liveKeys = await keys.ActiveKeysAsync(project.Id, ApiKeyEnvironment.Live, cancellationToken);
        return DeployReadiness.Evaluate(project, documents, liveKeys.Count > 0);
    }
}

public sealed record DeployBlocker(string Code, string Message, bool PreventsDeploy);

public sealed record DeployChecks(
    int Documents, int Indexed, int InProgress, int Failed, int PendingUploads, int AllowedOrigins, bool WidgetEnabled, bool ActiveLiveKey);
