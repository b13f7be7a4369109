using CleanRag.Application.Companies.AcceptInvite;
using CleanRag.Application.Companies.ChangeUserRole;
using CleanRag.Application.Companies.CreateCompany;
using CleanRag.Application.Companies.GetMyCompany;
using CleanRag.Application.Companies.GetWorkspaceSettings;
using CleanRag.Application.Companies.InviteUser;
using CleanRag.Application.Companies.ListCompanyUsers;
using CleanRag.Application.Companies.RemoveUser;
using CleanRag.Application.Companies.ResendInvite;
using CleanRag.Application.Companies.UpdateMyCompany;
using CleanRag.Application.Companies.UpdateWorkspaceSettings;
using CleanRag.Domain.Companies;
using CleanRag.Api.OpenApi;
using Mediator;

namespace CleanRag.Api.Endpoints;

internal static class CompanyEndpoints
{
    public static IEndpointRouteBuilder MapCompanyEndpoints(this IEndpointRouteBuilder app)
    {
        var companies = app.MapGroup("/v1/companies").WithTags("Companies")
            .RequireSignedInUser()
            .ProducesErrors(401, 403, 404, 503);

        companies.MapPost("/", async (CreateCompanyCommand command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created((string?)null, await mediator.Send(command, ct)))
            .WithSummary("Create your company; you become its owner (409 if you already belong to one).")
            .ProducesErrors(400, 409);
        companies.MapGet("/me", async (IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetMyCompanyQuery(), ct)));
        companies.MapPatch("/me", async (UpdateMyCompanyCommand command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command, ct)))
            .ProducesErrors(400);

        companies.MapGet("/settings", async (IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetWorkspaceSettingsQuery(), ct)));
        companies.MapPatch("/settings", async (UpdateWorkspaceSettingsCommand command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(command, ct)))
            .WithSummary("Workspace defaults (allowed origins, system prompt, data retention) that new projects inherit.")
            .ProducesErrors(400);

        companies.MapGet("/users", async (IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListCompanyUsersQuery(), ct)));
        companies.MapPost("/users/invite", async (InviteUserCommand command, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created((string?)null, await mediator.Send(command, ct)))
            .WithSummary("Invite someone by email (admin; only an owner may invite an owner).")
            .ProducesErrors(400, 409);
        companies.MapPost("/users/{userId:guid}/resend-invite", async (Guid userId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ResendInviteCommand(userId), ct)))
            .WithSummary("Mail a fresh token for a pending invite (the id is the invite's, as listed).");
        companies.MapPatch("/users/{userId:guid}", async (Guid userId, ChangeRoleRequest body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ChangeUserRoleCommand(userId, body.Role), ct)))
            .WithSummary("Change a member's role (the last owner cannot be demoted).")
            .ProducesErrors(400, 409);
        companies.MapDelete("/users/{userId:guid}", async (Guid userId, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new RemoveUserCommand(userId), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Remove a member or cancel a pending invite (the last owner cannot be removed).")
            .ProducesErrors(409);

        app.MapPost("/v1/invites/{token}/accept", async (string token, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new AcceptInviteCommand(token), ct)))
            .WithTags("Companies")
            .WithSummary("Join the company that invited the signed-in user's email.")
            .RequireSignedInUser()
            .ProducesErrors(401, 403, 404, 409, 503);
        return app;
    }

    private sealed record ChangeRoleRequest(CompanyRole? Role);
}
