using Mediator;

namespace CleanRag.Application.Plans.SetCompanyPlan;

/// <summary>
/// Puts a company on a plan. An operator's command: it has no HTTP route (the API's <c>plans set</c> verb sends it),
/// so no customer can change their own plan; the sender scopes the request to <paramref name="CompanyId"/>.
/// </summary>
public sealed record SetCompanyPlanCommand(Guid CompanyId, string? Plan) : ICommand<CompanyPlanAssigned>;

public sealed record CompanyPlanAssigned(Guid CompanyId, string Plan, string? PreviousPlan);
