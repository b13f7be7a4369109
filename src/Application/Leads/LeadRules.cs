using CleanRag.Application.Common.Validation;
using CleanRag.Domain.Leads;
using FluentValidation;

namespace CleanRag.Application.Leads;

/// <summary>What a lead's fields may hold, wherever they come from (the API, the widget's escalation form).</summary>
public static class LeadRules
{
    public const int MaxPhoneLength = 32;

    /// <summary>A phone number as people type it: at least 5 digits, with only spaces, +, parentheses, dots or dashes besides.</summary>
    public static bool IsPhoneNumber(string phone)
    {
        var trimmed = phone.Trim();
        return trimmed.Length <= MaxPhoneLength && trimmed.Count(char.IsAsciiDigit) >= 5
               && trimmed.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '.' or '-');
    }

    public const string PhoneMessage =
        "phone must be a phone number: at least 5 digits, with only spaces, + ( ) . - besides, at most 32 characters.";

    public static IRuleBuilderOptions<T, string?> ValidLeadNotes<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(Lead.MaxNotesLength).WithName("notes").WithMessage($"notes must be at most {Lead.MaxNotesLength} characters.");

    /// <summary>Name, email and phone of a lead created over the API (email and phone optional here; one of them is required).</summary>
    public static void AddContactRules<T>(this AbstractValidator<T> validator, Func<T, string?> name, Func<T, string?> email, Func<T, string?> phone)
    {
        validator.RuleFor(c => name(c)).MaximumLength(Lead.MaxNameLength).OverridePropertyName("name")
            .WithMessage($"name must be at most {Lead.MaxNameLength} characters.");
        validator.RuleFor(c => email(c)!.Trim()).ValidEmail().OverridePropertyName("email").When(c => !string.IsNullOrWhiteSpace(email(c)));
        validator.RuleFor(c => phone(c)).Must(p => IsPhoneNumber(p!)).When(c => !string.IsNullOrWhiteSpace(phone(c)))
            .OverridePropertyName("phone").WithMessage(PhoneMessage);
    }
}
