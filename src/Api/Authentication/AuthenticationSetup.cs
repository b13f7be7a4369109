using CleanRag.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace CleanRag.Api.Authentication;

internal static class AuthenticationSetup
{
    /// <summary>
    /// Bearer JWTs for the dashboard: from the built-in issuer by default, or from any OIDC provider when
    /// Auth:Authority is set (its signing keys come from the provider's discovery document).
    /// </summary>
    public static IServiceCollection AddDashboardAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<AuthOptions, SymmetricSecurityKey>((jwt, auth, key) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidIssuer = auth.Authority ?? auth.Issuer,
                    ValidateAudience = true,
                    ValidAudience = auth.Audience,
                    ValidateLifetime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = "name",
                };
                // API keys (public chat) may come as "Bearer sk_…": they are not JWTs, so the JWT handler leaves
                // them alone instead of failing on them (and logging about them).
                jwt.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        var header = context.Request.Headers.Authorization.ToString();
                        if (header.StartsWith("Bearer sk_", StringComparison.OrdinalIgnoreCase))
                            context.NoResult();
                        return Task.CompletedTask;
                    },
                };
                if (auth.Authority is { Length: > 0 } authority)
                    jwt.Authority = authority;
                else
                    jwt.TokenValidationParameters.IssuerSigningKey = key;
            });
        services.AddAuthorization();
        services.AddSingleton(provider => PublicSettingsOf(provider.GetRequiredService<AuthOptions>()));
        return services;
    }

    private static PublicAuthSettings PublicSettingsOf(AuthOptions auth) => auth.Authority is { } authority
        ? new PublicAuthSettings("oidc", authority, auth.Audience, TokenEndpoint: null, auth.PublicBaseUrl)
        : new PublicAuthSettings("builtin", auth.Issuer, auth.Audience, "/v1/auth/login", auth.PublicBaseUrl);
}
