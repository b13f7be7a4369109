using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CleanRag.Application.Documents;

namespace CleanRag.Infrastructure.Storage;

/// <summary>
/// Tokens of the form base64url(json ticket) + "." + base64url(HMAC-SHA256(json ticket)). The signature
/// is checked in constant time before the ticket is trusted; expired tickets and other purposes fail.
/// </summary>
internal sealed class HmacSignedLinks(byte[] key, TimeProvider clock) : ISignedLinks
{
    public string Create(FileTicket ticket)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(ticket);
        return $"{Base64Url(payload)}.{Base64Url(HMACSHA256.HashData(key, payload))}";
    }

    public FileTicket? Read(string token, FileTicketPurpose purpose)
    {
        var parts = token.Split('.');
        if (parts.Length != 2 || FromBase64Url(parts[0]) is not { } payload || FromBase64Url(parts[1]) is not { } signature)
            return null;
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, payload), signature))
            return null;

        FileTicket? ticket;
        try
        {
            ticket = JsonSerializer.Deserialize<FileTicket>(payload);
        }
        catch (JsonException)
        {
            return null;
        }
        return ticket is not null && ticket.Purpose == purpose && ticket.ExpiresAt > clock.GetUtcNow() ? ticket : null;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 += (base64.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
