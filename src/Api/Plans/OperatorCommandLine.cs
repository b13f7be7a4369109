using System.Globalization;
using CleanRag.Application.Common;
using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Plans;
using CleanRag.Application.Plans.SetCompanyPlan;
using Mediator;

namespace CleanRag.Api.Plans;

/// <summary>
/// Operator verbs of the API binary, run instead of the web server (<c>CleanRag.Api plans set &lt;companyId&gt; &lt;plan&gt;</c>):
/// they go through the mediator like any request, but no HTTP route reaches them, so only whoever runs the service can.
/// </summary>
internal static class OperatorCommandLine
{
    public const string Usage = "usage: CleanRag.Api plans set <companyId> <plan>   |   CleanRag.Api plans list";

    public static bool Handles(string[] args) => args is ["plans", ..];

    /// <returns>The process exit code: 0 done, 1 refused, 2 bad usage.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        switch (args)
        {
            case ["plans", "list"]:
                var catalog = services.GetRequiredService<PlanCatalog>();
                foreach (var name in catalog.Names.Order(StringComparer.Ordinal))
                    await output.WriteLineAsync(name == catalog.Default.Name ? $"{name} (default)" : name);
                return 0;
            case ["plans", "set", var company, var plan] when Guid.TryParse(company, CultureInfo.InvariantCulture, out var companyId):
                return await SetPlanAsync(services, companyId, plan, output, errors);
            default:
                await errors.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> SetPlanAsync(IServiceProvider services, Guid companyId, string plan, TextWriter output, TextWriter errors)
    {
        await using var scope = services.CreateAsyncScope();
        // Reads and writes are scoped to one company (conjoined tenancy): the company named is the request's tenant.
        scope.ServiceProvider.GetRequiredService<RequestContext>().SetAnonymousTenant(companyId);
        try
        {
            var assigned = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SetCompanyPlanCommand(companyId, plan));
            await output.WriteLineAsync(
                $"Company {assigned.CompanyId} is now on plan {assigned.Plan} (was {assigned.PreviousPlan ?? "the default plan"}).");
            return 0;
        }
        catch (ApplicationErrorException refused)
        {
            await errors.WriteLineAsync($"{refused.Code}: {refused.Message}");
            return 1;
        }
    }
}
