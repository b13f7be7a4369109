using System.Text.RegularExpressions;

namespace CleanRag.Application.Chat;

/// <summary>
/// Recognises a visitor asking for a person ("talk to a human", "agent", "representative", …) and
/// picks up contact details they left, which turns the escalation into a lead.
/// </summary>
public static partial class EscalationDetector
{
    public static Escalation? Detect(string question)
    {
        if (!AskForPerson().IsMatch(question))
            return null;
        var email = EmailPattern().Match(question);
        var phone = PhonePattern().Match(question);
        return new Escalation(
            "The visitor asked to talk to a person.",
            email.Success ? email.Value : null,
            phone.Success ? phone.Value.Trim() : null);
    }

    public const string Reply =
        "I'll pass this conversation to a person on our team, who will follow up with you as soon as possible.";

    [GeneratedRegex(
        @"\b(talk|speak|chat|connect|transfer)\w*\b.{0,30}\b(human|person|someone|somebody|agent|representative|rep|operator|staff|support team|customer service)\b" +
        @"|\b(human|live|real)\s+(agent|person|being|support|representative)\b" +
        @"|\b(person|human|someone|somebody|agent)\b.{0,20}\b(call|contact|email|reach|get back to)\s+me\b" +
        @"|\b(representative|operator)\b" +
        @"|^\s*(agent|human)\s*[.!?]*\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AskForPerson();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\+?\d[\d\s().-]{6,}\d")]
    private static partial Regex PhonePattern();
}

public sealed record Escalation(string Reason, string? Email, string? Phone);
