using CleanRag.Application.ApiKeys;
using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Domain.ApiKeys;
using Mediator;

namespace CleanRag.Application.Projects.GetIntegration;

public sealed class GetIntegrationQueryHandler(IReadStore readStore, ApiKeyIssuer keys) : IQueryHandler<GetIntegrationQuery, Integration>
{
    public async ValueTask<Integration> Handle(GetIntegrationQuery query, CancellationToken cancellationToken)
    {
        var project = await readStore.LoadAsync<ProjectDetails>(query.ProjectId, cancellationToken) ?? throw new NotFoundException("Project");
        var liveKey = (await keys.ActiveKeysAsync(project.Id, ApiKeyEnvironment.Live, cancellationToken)).MaxBy(k => k.CreatedAt);
        var baseUrl = query.ApiBaseUrl.TrimEnd('/');
        var chat = $"{baseUrl}/v1/chat";
        // The key is shown once, at deploy or creation; the example names where it goes.
        var keyPlaceholder = liveKey is null ? "sk_live_…" : $"{liveKey.Prefix}…";
        var curl = $"curl -X POST '{chat}' -H 'Content-Type: application/json' -H 'X-CleanRag-Key: {keyPlaceholder}' " +
                   "-d '{\"question\": \"What does the Plus plan cover?\"}'";
        return new Integration(project.Id, project.Status.ToString().ToLowerInvariant(), chat, $"{baseUrl}/api/chat",
            liveKey?.Prefix, "X-CleanRag-Key: <your key> (or Authorization: Bearer <your key>)", curl);
    }
}
