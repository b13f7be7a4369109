using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using CleanRag.Domain.Leads;
using FluentValidation;

namespace CleanRag.Application.Leads;

/// <summary>
/// The filters the leads inbox and its export share. <see cref="Status"/> and <see cref="Source"/> are the lower-case
/// names (<c>new</c>, <c>escalation</c>, …); <see cref="From"/>/<see cref="To"/> bound the creation time (from inclusive, to
/// exclusive); <see cref="Q"/> searches name, email and phone.
/// </summary>
public interface ILeadFilter
{
    Guid? ProjectId { get; }
    string? Status { get; }
    string? Source { get; }
    DateTimeOffset? From { get; }
    DateTimeOffset? To { get; }
    string? Q { get; }
}

public static class LeadFilters
{
    public const int MaxSearchLength = 200;

    /// <summary>The validation rules of the filters, added to a list or export query's validator.</summary>
    public static void AddLeadFilterRules<T>(this AbstractValidator<T> validator) where T : ILeadFilter
    {
        validator.RuleFor(q => q.Status).Must(s => TryParse<LeadStatus>(s, out _)).When(q => q.Status is not null)
            .WithName("status").WithMessage("status must be one of new, contacted, won, lost.");
        validator.RuleFor(q => q.Source).Must(s => TryParse<LeadSource>(s, out _)).When(q => q.Source is not null)
            .WithName("source").WithMessage("source must be one of escalation, chat, api, manual.");
        validator.RuleFor(q => q.To).Must((q, to) => q.From is null || to > q.From).When(q => q.To is not null)
            .WithName("to").WithMessage("to must be later than from.");
        validator.RuleFor(q => q.Q).MaximumLength(MaxSearchLength).WithName("q").WithMessage($"q must be at most {MaxSearchLength} characters.");
    }

    /// <summary>A lower-case enum name as the API spells it ("contacted"); anything else (numbers, other casing) is not one.</summary>
    public static bool TryParse<TEnum>(string? value, out TEnum parsed) where TEnum : struct, Enum
    {
        parsed = default;
        return value is not null && value.Length > 0 && value.All(char.IsAsciiLetterLower) && Enum.TryParse(value, ignoreCase: true, out parsed);
    }

    /// <summary>404 for a project filter naming no project of the caller's, rather than an empty list that hides the typo.</summary>
    public static async Task EnsureFilterProjectExistsAsync(this IReadStore readStore, ILeadFilter filter, CancellationToken cancellationToken)
    {
        if (filter.ProjectId is { } projectId)
            await readStore.EnsureProjectExistsAsync(projectId, cancellationToken);
    }

    public static IQueryable<LeadDetails> Matching(this IQueryable<LeadDetails> leads, ILeadFilter filter)
    {
        if (filter.ProjectId is { } projectId)
            leads = leads.Where(l => l.ProjectId == projectId);
        if (TryParse<LeadStatus>(filter.Status, out var status))
            leads = leads.Where(l => l.Status == status);
        if (TryParse<LeadSource>(filter.Source, out var source))
            leads = leads.Where(l => l.Source == source);
        if (filter.From is { } from)
            leads = leads.Where(l => l.CreatedAt >= from);
        if (filter.To is { } to)
            leads = leads.Where(l => l.CreatedAt < to);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var text = filter.Q.Trim().ToLowerInvariant();
            var digits = LeadContact.PhoneKey(text);
            // A number typed with other separators than stored ("555-0100" for "555 0100") still finds the phone's digits.
            leads = digits is { Length: >= 3 } && digits.Length == text.Count(c => !" +-().".Contains(c))
                ? leads.Where(l => l.SearchText.Contains(text) || l.SearchText.Contains(digits))
                : leads.Where(l => l.SearchText.Contains(text));
        }
        return leads;
    }
}
