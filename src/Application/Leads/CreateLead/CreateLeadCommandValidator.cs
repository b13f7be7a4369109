using FluentValidation;

namespace CleanRag.Application.Leads.CreateLead;

public sealed class CreateLeadCommandValidator : AbstractValidator<CreateLeadCommand>
{
    public CreateLeadCommandValidator()
    {
        RuleFor(c => c.ProjectId).NotEmpty().OverridePropertyName("projectId").WithMessage("projectId is required.");
        RuleFor(c => c).Must(c => !string.IsNullOrWhiteSpace(c.Email) || !string.IsNullOrWhiteSpace(c.Phone))
            .OverridePropertyName("email").WithMessage("email or phone is required.");
        this.AddContactRules(c => c.Name, c => c.Email, c => c.Phone);
        RuleFor(c => c.Notes).ValidLeadNotes();
    }
}
