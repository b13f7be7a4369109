using CleanRag.Application.Common.Validation;
using FluentValidation;

namespace CleanRag.Application.Evaluation.ListTestRuns;

public sealed class ListTestRunsQueryValidator : AbstractValidator<ListTestRunsQuery>
{
    public ListTestRunsQueryValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
    }
}
