using System.Security.Cryptography;
using System.Text;
using CleanRag.Application.ApiKeys;

namespace CleanRag.Infrastructure.ApiKeys;

/// <summary>
/// HMAC-SHA256 of the key under a server-side pepper: a stolen database alone cannot be used to test
/// guessed keys. (Keys carry 256 random bits, so a slow hash adds nothing but latency on every request.)
/// </summary>
internal sealed class HmacApiKeyHasher(byte[] pepper) : IApiKeyHasher
{
    public string Hash(string key) => Convert.ToHexStringLower(HMACSHA256.HashData(pepper, Encoding.UTF8.GetBytes(key)));
}
