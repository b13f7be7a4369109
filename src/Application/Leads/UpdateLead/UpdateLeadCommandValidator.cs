using FluentValidation;

namespace CleanRag.Application.Leads.UpdateLead;

public sealed class UpdateLeadCommandValidator : AbstractValidator<UpdateLeadCommand>
{
    public UpdateLeadCommandValidator()
    {
        RuleFor(c => c).Must(c => c.Status is not null || c.Notes is not null).OverridePropertyName("status")
            .WithMessage("Give status and/or notes to change.");
        RuleFor(c => c.Status).Must(s => LeadFilters.TryParse<Domain.Leads.LeadStatus>(s, out _)).When(c => c.Status is not null)
            .WithName("status").WithMessage("status must be one of new, contacted, won, lost.");
        RuleFor(c => c.Notes).ValidLeadNotes();
    }
}
