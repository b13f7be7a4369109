using CleanRag.Application.Leads;
using CleanRag.Application.Leads.CreateLead;
using CleanRag.Application.Leads.ExportLeads;
using CleanRag.Application.Leads.ListLeads;
using CleanRag.Application.Leads.UpdateLead;
using CleanRag.Domain.Leads;

namespace CleanRag.Application.Tests.Leads;

public class LeadValidatorTests
{
    /// <summary>The fields reported, camel-cased as the API's error body names them.</summary>
    private static IEnumerable<string> Fields<T>(FluentValidation.AbstractValidator<T> validator, T request) =>
        validator.Validate(request).Errors.Select(e => char.ToLowerInvariant(e.PropertyName[0]) + e.PropertyName[1..]).Distinct();

    [Test]
    public void A_new_lead_needs_a_project_and_an_email_or_a_phone_each_well_formed()
    {
        var validator = new CreateLeadCommandValidator();
        var projectId = Guid.NewGuid();

        validator.Validate(new CreateLeadCommand(projectId, "Ada", "ada@example.com", null, null, null)).IsValid.Should().BeTrue();
        validator.Validate(new CreateLeadCommand(projectId, null, null, "+1 555 0100", "Call after 5", null)).IsValid.Should().BeTrue();
        Fields(validator, new CreateLeadCommand(projectId, "Ada", null, " ", null, null)).Should().Equal("email");
        Fields(validator, new CreateLeadCommand(Guid.Empty, null, "not-an-email", "12", null, null))
            .Should().BeEquivalentTo("projectId", "email", "phone");
        Fields(validator, new CreateLeadCommand(projectId, new string('a', Lead.MaxNameLength + 1), "ada@example.com", null,
            new string('n', Lead.MaxNotesLength + 1), null)).Should().BeEquivalentTo("name", "notes");
    }

    [Test]
    public void An_update_changes_a_known_status_or_the_notes()
    {
        var validator = new UpdateLeadCommandValidator();

        validator.Validate(new UpdateLeadCommand(Guid.NewGuid(), "won", null)).IsValid.Should().BeTrue();
        validator.Validate(new UpdateLeadCommand(Guid.NewGuid(), null, "")).IsValid.Should().BeTrue("an empty string clears the notes");
        Fields(validator, new UpdateLeadCommand(Guid.NewGuid(), null, null)).Should().Equal("status");
        foreach (var status in new[] { "Won", "closed", "1", "" })
            Fields(validator, new UpdateLeadCommand(Guid.NewGuid(), status, null)).Should().Equal(["status"], status);
    }

    [Test]
    public void List_and_export_filters_take_the_api_names_and_an_ordered_period()
    {
        var list = new ListLeadsQueryValidator();
        var export = new ExportLeadsQueryValidator();
        var from = DateTimeOffset.UtcNow;

        list.Validate(new ListLeadsQuery(Status: "contacted", Source: "chat", From: from, To: from.AddDays(1), Q: "ada")).IsValid.Should().BeTrue();
        Fields(list, new ListLeadsQuery(Status: "open", Source: "email", From: from, To: from, Q: new string('q', LeadFilters.MaxSearchLength + 1),
            Page: 0, PageSize: 1000)).Should().BeEquivalentTo("status", "source", "to", "q", "page", "pageSize");
        export.Validate(new ExportLeadsQuery("jsonl", Source: "escalation")).IsValid.Should().BeTrue();
        export.Validate(new ExportLeadsQuery()).IsValid.Should().BeTrue("csv is the default format");
        Fields(export, new ExportLeadsQuery("xlsx", Status: "Won")).Should().BeEquivalentTo("format", "status");
    }
}
