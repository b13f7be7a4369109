using CleanRag.Api.Authentication;
using CleanRag.Api.OpenApi;
using CleanRag.Application.Projects;
using CleanRag.Application.Projects.ArchiveProject;
using CleanRag.Application.Projects.CreateProject;
using CleanRag.Application.Projects.DeployProject;
using CleanRag.Application.Projects.GetDeployReadiness;
using CleanRag.Application.Projects.GetIntegration;
using CleanRag.Application.Projects.GetProject;
using CleanRag.Application.Projects.GetProjectEmbedding;
using CleanRag.Application.Projects.GetProjectHistory;
using CleanRag.Application.Projects.GetProjectOverview;
using CleanRag.Application.Projects.ListProjects;
using CleanRag.Application.Projects.UpdateProject;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace CleanRag.Api.Endpoints;

internal static class ProjectEndpoints
{
    public static IEndpointRouteBuilder MapProjectEndpoints(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/v1/projects").WithTags("Projects")
            .RequireSignedInUser()
            .ProducesErrors(400, 401, 403, 404, 503);

        projects.MapPost("/", async (ProjectRequest body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var project = await mediator.Send(new CreateProjectCommand(body.Name!, body.Description, body.Settings()), ct);
                response.Headers.ETag = ETags.For(project.Version);
                return TypedResults.Created($"/v1/projects/{project.Id}", project);
            })
            .WithSummary("Create a project (member; settings and allowed origins need admin).");

        projects.MapGet("/", async (bool? includeArchived, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListProjectsQuery(includeArchived ?? false), ct)))
            .WithSummary("The workspace's projects; with an API key, only the key's project.")
            .AllowApiKey();

        projects.MapGet("/{id:guid}", async (Guid id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
        {
            var project = await mediator.Send(new GetProjectQuery(id), ct);
            response.Headers.ETag = ETags.For(project.Version);
            return TypedResults.Ok(project);
        }).AllowApiKey();

        projects.MapPatch("/{id:guid}", async (
                Guid id, ProjectRequest body, [FromHeader(Name = "If-Match")] string? ifMatch,
                IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var project = await mediator.Send(
                    new UpdateProjectCommand(id, ETags.Parse(ifMatch), body.Name, body.Description, body.Settings()), ct);
                response.Headers.ETag = ETags.For(project.Version);
                return TypedResults.Ok(project);
            })
            .WithSummary("Update a project (admin). Send If-Match with the ETag you read to avoid overwriting a concurrent change.")
            .ProducesErrors(409);

        projects.MapDelete("/{id:guid}", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ArchiveProjectCommand(id), ct)))
            .WithSummary("Archive a project: reads still work, chat refuses it.")
            .ProducesErrors(409);

        projects.MapGet("/{id:guid}/embedding", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetProjectEmbeddingQuery(id), ct)))
            .WithSummary("The embedding space the project answers from: current, or pending / reembedding (done of total chunks) / failed after the embedding model changed.")
            .AllowApiKey();

        projects.MapGet("/{id:guid}/overview", async (Guid id, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetProjectOverviewQuery(id), ct))).AllowApiKey();

        projects.MapGet("/{id:guid}/events", async (Guid id, long? version, DateTimeOffset? asOf, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetProjectHistoryQuery(id, version, asOf), ct)))
            .WithSummary("The project's event history; with ?version=n or ?asOf=timestamp, also its state at that point.");

        projects.MapGet("/{id:guid}/deploy-readiness", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetDeployReadinessQuery(id), ct)))
            .WithSummary("The deploy checklist and what still blocks the project from going live.");

        projects.MapPost("/{id:guid}/deploy", async (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new DeployProjectCommand(id), ct)))
            .WithSummary("Deploy (admin): ingest what is not indexed, issue a new live key (shown only here) and revoke the earlier ones.")
            .ProducesErrors(409);

        projects.MapGet("/{id:guid}/integration", async (Guid id, HttpRequest request, PublicAuthSettings auth, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetIntegrationQuery(id, auth.BaseUrlFor(request)), ct)))
            .WithSummary("The chat endpoint and a ready curl example (admin).");
        return app;
    }

    /// <summary>The JSON body of create and update: settings are flat, as the dashboard sends them.</summary>
    private sealed record ProjectRequest(
        string? Name,
        string? Description,
        IReadOnlyList<string>? AllowedOrigins,
        string? SystemPrompt,
        string? Model,
        int? QuestionMaxLength,
        RetrievalSettingsInput? Retrieval,
        IndexingSettingsInput? Indexing,
        bool? WidgetEnabled,
        RateLimitSettingsInput? RateLimits)
    {
        public ProjectSettingsInput Settings() =>
            new(AllowedOrigins, SystemPrompt, Model, QuestionMaxLength, Retrieval, Indexing, WidgetEnabled, RateLimits);
    }
}

/// <summary>Stream versions as weak-free entity tags: "v{version}".</summary>
internal static class ETags
{
    public static string For(long version) => $"\"v{version}\"";

    public static long? Parse(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*")
            return null;
        var value = ifMatch.Trim().Trim('"').TrimStart('v');
        return long.TryParse(value, out var version)
            ? version
            : throw new BadHttpRequestException("If-Match must be an ETag returned by this API, like \"v3\".");
    }
}
