using System.Security.Cryptography;
using System.Text;

namespace CleanRag.Domain.Evaluation;

/// <summary>
/// The id of a project's <see cref="TestSuite"/> stream: a name-based UUID (RFC 9562 version 5) of the project, so the first
/// prompts added at the same time start the same stream and only one wins (the other retries on it).
/// </summary>
public static class TestSuiteIds
{
    private static readonly byte[] Namespace = Guid.Parse("5b0e4f7a-9c1d-4e62-8a3b-2f6d7c8e9a10").ToByteArray(bigEndian: true);

    public static Guid For(Guid projectId)
    {
        var name = Encoding.UTF8.GetBytes($"test-suite:{projectId:D}");
        var hash = SHA1.HashData([.. Namespace, .. name]);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
