using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using CleanRag.Application.Common.Interfaces;
using Microsoft.IdentityModel.Tokens;

namespace CleanRag.Infrastructure.Identity;

/// <summary>
/// Access tokens carry only who the user is (subject, email, name). Company and role are looked up
/// server-side on every request, so they are deliberately not claims.
/// </summary>
internal sealed class JwtAccessTokenIssuer(AuthOptions options, SymmetricSecurityKey key, TimeProvider clock) : IAccessTokenIssuer
{
    private readonly JwtSecurityTokenHandler _handler = new();

    public AccessToken Issue(Guid userId, string email, string name)
    {
        var now = clock.GetUtcNow();
        var expires = now.AddMinutes(options.AccessTokenMinutes);
        var token = new JwtSecurityToken(
            issuer: options.Issuer,
            audience: options.Audience,
            claims:
            [
                new Claim(JwtRegisteredClaimNames.Sub, userId.ToString()),
                new Claim(JwtRegisteredClaimNames.Email, email),
                new Claim(JwtRegisteredClaimNames.Name, name),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString()),
            ],
            notBefore: now.UtcDateTime,
            expires: expires.UtcDateTime,
            signingCredentials: new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
        return new AccessToken(_handler.WriteToken(token), expires);
    }
}
