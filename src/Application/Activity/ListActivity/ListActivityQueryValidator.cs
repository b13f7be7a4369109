using FluentValidation;

namespace CleanRag.Application.Activity.ListActivity;

public sealed class ListActivityQueryValidator : AbstractValidator<ListActivityQuery>
{
    public ListActivityQueryValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("page must be 1 or more.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200).WithMessage("pageSize must be between 1 and 200.");
    }
}
