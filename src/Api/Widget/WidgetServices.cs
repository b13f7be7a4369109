namespace CleanRag.Api.Widget;

internal static class WidgetServices
{
    public static IServiceCollection AddWidget(this IServiceCollection services)
    {
        services.AddSingleton(WidgetScript.LoadFromOutputDirectory());
        services.AddDataProtection();
        services.AddSingleton<WidgetPreviewLinks>();
        return services;
    }
}
