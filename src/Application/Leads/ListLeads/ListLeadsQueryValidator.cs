using CleanRag.Application.Common.Validation;
using FluentValidation;

namespace CleanRag.Application.Leads.ListLeads;

public sealed class ListLeadsQueryValidator : AbstractValidator<ListLeadsQuery>
{
    public ListLeadsQueryValidator()
    {
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
        this.AddLeadFilterRules();
    }
}
