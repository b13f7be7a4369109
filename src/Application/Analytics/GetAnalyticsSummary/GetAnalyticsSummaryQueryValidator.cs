using FluentValidation;

namespace CleanRag.Application.Analytics.GetAnalyticsSummary;

public sealed class GetAnalyticsSummaryQueryValidator : AbstractValidator<GetAnalyticsSummaryQuery>
{
    public GetAnalyticsSummaryQueryValidator(TimeProvider clock)
    {
        RuleFor(q => q.From).Must(f => AnalyticsRange.TryParse(f, out _)).When(q => q.From is not null)
            .WithName("from").WithMessage("from must be a date like 2026-12-01 (or an ISO 8601 instant).");
        RuleFor(q => q.To).Must(t => AnalyticsRange.TryParse(t, out _)).When(q => q.To is not null)
            .WithName("to").WithMessage("to must be a date like 2026-12-31 (or an ISO 8601 instant).");
        RuleFor(q => q).Must(q => InOrder(q, clock)).WithName("from").WithMessage("from must not be after to.")
            .Must(q => Within(q, clock)).WithName("to").WithMessage($"The range may cover at most {AnalyticsRange.MaxDays} days.")
            .When(q => (q.From is null || AnalyticsRange.TryParse(q.From, out _)) && (q.To is null || AnalyticsRange.TryParse(q.To, out _)));
    }

    private static bool InOrder(GetAnalyticsSummaryQuery q, TimeProvider clock)
    {
        var (from, to) = AnalyticsRange.Resolve(q.From, q.To, clock.GetUtcNow());
        return from <= to;
    }

    private static bool Within(GetAnalyticsSummaryQuery q, TimeProvider clock)
    {
        var (from, to) = AnalyticsRange.Resolve(q.From, q.To, clock.GetUtcNow());
        return to.DayNumber - from.DayNumber < AnalyticsRange.MaxDays;
    }
}
