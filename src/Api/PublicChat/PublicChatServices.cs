using CleanRag.Application.Common.Interfaces;

namespace CleanRag.Api.PublicChat;

internal static class PublicChatServices
{
    /// <summary>What the public chat needs from the web host: its public address, for absolute citation links.</summary>
    public static IServiceCollection AddPublicChat(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton<IPublicAddress, RequestPublicAddress>();
        return services;
    }
}
