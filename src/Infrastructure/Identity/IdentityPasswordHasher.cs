using CleanRag.Application.Common.Interfaces;
using Microsoft.AspNetCore.Identity;

namespace CleanRag.Infrastructure.Identity;

/// <summary>ASP.NET Core Identity's hasher: PBKDF2 with HMAC-SHA512, salted, 100,000 iterations (format v3).</summary>
internal sealed class IdentityPasswordHasher : IPasswordHasher
{
    private static readonly object User = new();
    private readonly PasswordHasher<object> _hasher = new();

    public string Hash(string password) => _hasher.HashPassword(User, password);

    public bool Verify(string hash, string password) =>
        _hasher.VerifyHashedPassword(User, hash, password) is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;
}
