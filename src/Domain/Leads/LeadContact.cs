namespace CleanRag.Domain.Leads;

/// <summary>
/// When two contact details are the same person's: emails compared case-insensitively, phone numbers by their digits
/// ("+1 (555) 010-0199" is "15550100199"), so the way a visitor typed them does not make a second lead.
/// </summary>
public static class LeadContact
{
    public static string? EmailKey(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    public static string? PhoneKey(string? phone)
    {
        var digits = phone is null ? "" : new string(phone.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 0 ? null : digits;
    }

    /// <summary>True when an email or a phone number is given on both sides and is the same.</summary>
    public static bool SameContact(string? email, string? phone, string? otherEmail, string? otherPhone) =>
        (EmailKey(email) is { } key && key == EmailKey(otherEmail)) || (PhoneKey(phone) is { } digits && digits == PhoneKey(otherPhone));
}
