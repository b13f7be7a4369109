namespace CleanRag.Application.Documents;

/// <summary>
/// Short-lived, HMAC-signed links served by CleanRag itself: uploads (PUT the bytes) and previews
/// (GET the file). A ticket is valid only until it expires and only for its purpose.
/// </summary>
public interface ISignedLinks
{
    string Create(FileTicket ticket);

    /// <summary>The ticket a token carries, or null when it is forged, tampered with or expired.</summary>
    FileTicket? Read(string token, FileTicketPurpose purpose);
}
