using System.Security.Cryptography;
using System.Text;

namespace CleanRag.Domain.Leads;

/// <summary>
/// The id of a lead found in a conversation's chat: a name-based UUID (RFC 9562 version 5) of the conversation and the
/// contact, so two messages leaving the same contact, handled at the same time, start the same stream and only one wins.
/// </summary>
public static class LeadIds
{
    private static readonly byte[] Namespace = Guid.Parse("0f6c3c8e-2d4a-4b7e-9a51-7e0d3b9c2a64").ToByteArray(bigEndian: true);

    /// <param name="contactKey">The contact as <see cref="LeadContact"/> normalizes it (the email's key, else the phone's).</param>
    public static Guid FromChat(Guid conversationId, string contactKey)
    {
        var name = Encoding.UTF8.GetBytes($"chat-lead:{conversationId:D}:{contactKey}");
        var hash = SHA1.HashData([.. Namespace, .. name]);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
