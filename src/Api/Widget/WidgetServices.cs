using CleanRag.Application.Widget;

namespace CleanRag.Api.Widget;

internal static class WidgetServices
{
    public static IServiceCollection AddWidget(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(WidgetScript.LoadFromOutputDirectory());
        services.AddSingleton(new PlanFeatures(configuration.GetSection(PlanFeatures.Section).Get<Dictionary<string, bool>>() ?? []));
        services.AddDataProtection();
        services.AddSingleton<WidgetPreviewLinks>();
        return services;
    }
}
