using System.Numerics;
using System.Security.Cryptography;
using CleanRag.Domain.ApiKeys;

namespace CleanRag.Application.ApiKeys;

/// <summary>Key material: <c>sk_live_</c> or <c>sk_test_</c> followed by 32 CSPRNG bytes in base62.</summary>
public static class ApiKeySecrets
{
    public const string LivePrefix = "sk_live_";
    public const string TestPrefix = "sk_test_";
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>Base62 digits needed for 256 bits: ceil(256 / log2(62)).</summary>
    public const int SecretLength = 43;

    public static string Generate(ApiKeyEnvironment environment)
    {
        var prefix = environment == ApiKeyEnvironment.Live ? LivePrefix : TestPrefix;
        return prefix + Base62(RandomNumberGenerator.GetBytes(32));
    }

    /// <summary>Whether the text has the shape of a key (cheap check before hashing; says nothing about validity).</summary>
    public static bool LooksLikeKey(string? text) =>
        text is { Length: > 8 } && (text.StartsWith(LivePrefix, StringComparison.Ordinal) || text.StartsWith(TestPrefix, StringComparison.Ordinal));

    private static string Base62(byte[] bytes)
    {
        // Fixed width, so every key has the same length whatever its leading zero bits.
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var digits = new char[SecretLength];
        for (var i = SecretLength - 1; i >= 0; i--)
        {
            value = BigInteger.DivRem(value, 62, out var remainder);
            digits[i] = Alphabet[(int)remainder];
        }
        return new string(digits);
    }
}
