using System.Security.Cryptography;
using System.Text;

namespace CleanRag.Domain.Conversations;

/// <summary>
/// The id of the bot's reply to a question: a name-based UUID (RFC 9562 version 5) of the question's id, so it is stable
/// for replies recorded before replies had ids of their own, and reveals nothing the question's id does not.
/// </summary>
public static class ConversationMessageIds
{
    private static readonly byte[] Namespace = Guid.Parse("5b1f1d1e-8c53-4a49-9b0e-6f7a0c2f5e31").ToByteArray(bigEndian: true);

    public static Guid ReplyTo(Guid questionId)
    {
        var name = Encoding.UTF8.GetBytes("reply:" + questionId.ToString("D"));
        var hash = SHA1.HashData([.. Namespace, .. name]);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
