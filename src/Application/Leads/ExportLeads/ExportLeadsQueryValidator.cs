using FluentValidation;

namespace CleanRag.Application.Leads.ExportLeads;

public sealed class ExportLeadsQueryValidator : AbstractValidator<ExportLeadsQuery>
{
    public ExportLeadsQueryValidator()
    {
        RuleFor(q => q.Format).Must(f => f is null or ExportLeadsQuery.Csv or ExportLeadsQuery.Jsonl)
            .WithName("format").WithMessage("format must be csv or jsonl.");
        this.AddLeadFilterRules();
    }
}
