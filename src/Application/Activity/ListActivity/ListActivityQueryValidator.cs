using CleanRag.Application.Common.Validation;
using FluentValidation;

namespace CleanRag.Application.Activity.ListActivity;

public sealed class ListActivityQueryValidator : AbstractValidator<ListActivityQuery>
{
    public ListActivityQueryValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
    }
}
