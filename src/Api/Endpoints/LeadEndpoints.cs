using CleanRag.Api.Exports;
using CleanRag.Api.Leads;
using CleanRag.Api.OpenApi;
using CleanRag.Application.Leads.CreateLead;
using CleanRag.Application.Leads.ExportLeads;
using CleanRag.Application.Leads.GetLead;
using CleanRag.Application.Leads.ListLeads;
using CleanRag.Application.Leads.UpdateLead;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CleanRag.Api.Endpoints;

internal static class LeadEndpoints
{
    public static IEndpointRouteBuilder MapLeadEndpoints(this IEndpointRouteBuilder app)
    {
        var leads = app.MapGroup("/v1/leads").WithTags("Leads")
            .RequireSignedInUser()
            .ProducesErrors(400, 401, 403, 404, 503);

        leads.MapGet("/", async (Guid? projectId, string? status, string? source, [FromQuery(Name = "from")] DateTimeOffset? since,
                    [FromQuery(Name = "to")] DateTimeOffset? until, string? q, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListLeadsQuery(projectId, status, source, since, until, q, page ?? 1, pageSize ?? 50), ct)))
            .WithSummary("The workspace's leads, newest first; filters projectId, status, source, from/to (created), q (name, email, phone).")
            .AllowApiKey();

        leads.MapGet("/export", async (string? format, Guid? projectId, string? status, string? source, [FromQuery(Name = "from")] DateTimeOffset? since,
                    [FromQuery(Name = "to")] DateTimeOffset? until, string? q, IMediator mediator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct) =>
            {
                var query = new ExportLeadsQuery(format, projectId, status, source, since, until, q);
                var rows = await mediator.Send(query, ct);
                var options = json.Value.SerializerOptions;
                return query.IsJsonl
                    ? TypedResults.Stream(body => StreamedExport.WriteJsonlAsync(body, rows, options, ct), StreamedExport.JsonlContentType, "leads.jsonl")
                    : TypedResults.Stream(body => LeadExport.WriteCsvAsync(body, rows, options, ct), StreamedExport.CsvContentType, "leads.csv");
            })
            .WithSummary("Every lead matching the list's filters, oldest first, streamed as ?format=csv (default) or jsonl (admin).")
            .Produces<string>(contentType: "text/csv", additionalContentTypes: ["application/x-ndjson"]);

        leads.MapGet("/{leadId:guid}", async (Guid leadId, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetLeadQuery(leadId), ct))).AllowApiKey();

        leads.MapPost("/", async (CreateLeadRequest body, IMediator mediator, CancellationToken ct) =>
            {
                var lead = await mediator.Send(
                    new CreateLeadCommand(body.ProjectId ?? Guid.Empty, body.Name, body.Email, body.Phone, body.Notes, body.ConversationId), ct);
                return TypedResults.Created($"/v1/leads/{lead.Id}", lead);
            })
            .WithSummary("Create a lead by hand or from your server (source manual or api): projectId, email and/or phone, optional name, notes and a conversationId of that project.")
            .AllowApiKey();

        leads.MapPatch("/{leadId:guid}", async (Guid leadId, UpdateLeadRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateLeadCommand(leadId, body.Status, body.Notes), ct)))
            .WithSummary("Move the lead along (status new, contacted, won, lost) and/or replace its notes (\"\" clears them).")
            .ProducesErrors(409);
        return app;
    }

    private sealed record CreateLeadRequest(Guid? ProjectId, string? Name, string? Email, string? Phone, string? Notes, Guid? ConversationId);

    /// <summary>Absent fields stay as they are.</summary>
    private sealed record UpdateLeadRequest(string? Status, string? Notes);
}
