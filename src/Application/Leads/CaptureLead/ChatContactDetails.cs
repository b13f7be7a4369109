using System.Text.RegularExpressions;

namespace CleanRag.Application.Leads.CaptureLead;

/// <summary>
/// Finds contact details a visitor left in a chat message. An email address counts as it stands. A number counts as a
/// phone only with a hint that it is one (a leading +, or words like "call", "phone", "whatsapp" in the message) and
/// with 7 to 15 digits (E.164's most), so order numbers, dates and prices do not become leads.
/// </summary>
public static partial class ChatContactDetails
{
    /// <summary>The first email address and phone number in <paramref name="message"/>; null when it has neither.</summary>
    public static ChatContact? Find(string message)
    {
        var email = EmailPattern().Match(message);
        var phone = PhonePattern().Matches(message)
            .Select(m => m.Value.Trim())
            .FirstOrDefault(candidate => candidate.Count(char.IsAsciiDigit) is >= 7 and <= 15 && !DatePattern().IsMatch(candidate)
                                         && (candidate.StartsWith('+') || PhoneHint().IsMatch(message)));
        return email.Success || phone is not null ? new ChatContact(email.Success ? email.Value : null, phone) : null;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\+?\(?\d[\d\s().-]{5,}\d")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\b(phone|call|tel|telephone|mobile|cell|whats\s?app|sms|text me|ring me|reach me)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhoneHint();
}

public sealed record ChatContact(string? Email, string? Phone);
