using CleanRag.Application.Plans;

namespace CleanRag.Api.Plans;

internal static class PlanServices
{
    /// <summary>
    /// The plan catalog, built while services are registered: an invalid <c>Plans</c> section stops start-up (and every
    /// operator command) with the list of what is wrong.
    /// </summary>
    public static IServiceCollection AddPlans(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(PlanCatalog.From(configuration.GetSection(PlanOptions.Section).Get<PlanOptions>() ?? new PlanOptions()));
}
