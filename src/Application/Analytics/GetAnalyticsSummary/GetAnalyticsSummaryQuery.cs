using CleanRag.Application.Common.Security;
using CleanRag.Domain.Companies;
using Mediator;

namespace CleanRag.Application.Analytics.GetAnalyticsSummary;

/// <summary>
/// Analytics of one project, or of the whole workspace without <paramref name="ProjectId"/>, over the UTC days
/// <paramref name="From"/>–<paramref name="To"/> (inclusive; the last 30 days by default; at most 366 days).
/// </summary>
[Authorize(CompanyRole.Member)]
[AllowApiKey]
public sealed record GetAnalyticsSummaryQuery(Guid? ProjectId = null, string? From = null, string? To = null) : IQuery<AnalyticsSummary>, IProjectFiltered
{
    public IProjectFiltered RestrictedTo(Guid projectId) => this with { ProjectId = projectId };
}

public sealed record AnalyticsSummary(
    Guid? ProjectId,
    DateOnly From,
    DateOnly To,
    AnalyticsKpis Totals,
    IReadOnlyList<TopQuestion> TopQuestions,
    IReadOnlyList<TopQuestion> TopUnanswered,
    IReadOnlyList<AnalyticsDay> Daily);

/// <summary>A group of similarly worded questions (see <see cref="QuestionKey"/>), shown with one visitor's wording.</summary>
public sealed record TopQuestion(string Question, int Asked, int Unanswered, int NegativeFeedback);

/// <summary>One UTC day's counts; every day of the range has one, zeros included.</summary>
public sealed record AnalyticsDay(
    DateOnly Date, int Conversations, int Messages, int Answered, int Unanswered, int Refused, int PositiveFeedback, int NegativeFeedback,
    int Escalations, int Leads);
