using CleanRag.Domain.Common;
using CleanRag.Domain.Leads;

namespace CleanRag.Domain.Tests.Leads;

public class LeadTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static Lead Captured(string? email = "ada@example.com", string? phone = null, string? notes = null)
    {
        var lead = new Lead();
        lead.ApplyEvent(Lead.Capture(Guid.NewGuid(), Guid.NewGuid(), null, LeadSource.Manual, null, " Ada ", email, phone, null, notes, Guid.NewGuid(), Now));
        return lead;
    }

    [Test]
    public void A_lead_is_captured_new_with_its_contact_details_trimmed()
    {
        var captured = Lead.Capture(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), LeadSource.Escalation, "visitor-1", "  ", " ada@example.com ",
            " +1 555 0100 ", "  Can a human help? ", null, null, Now);
        var lead = new Lead();
        lead.ApplyEvent(captured);

        captured.Email.Should().Be("ada@example.com");
        captured.Phone.Should().Be("+1 555 0100");
        captured.Name.Should().BeNull("a blank name is no name");
        captured.Message.Should().Be("  Can a human help? ", "what the visitor wrote is kept verbatim");
        lead.Status.Should().Be(LeadStatus.New);
        lead.Source.Should().Be(LeadSource.Escalation);
    }

    [Test]
    public void A_lead_needs_an_email_or_a_phone_number()
    {
        var capture = () => Lead.Capture(Guid.NewGuid(), Guid.NewGuid(), null, LeadSource.Api, null, "Ada", " ", null, null, null, null, Now);

        capture.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("contact_required");
        Lead.Capture(Guid.NewGuid(), Guid.NewGuid(), null, LeadSource.Api, null, null, null, "+44 20 7946 0000", null, null, null, Now)
            .Phone.Should().Be("+44 20 7946 0000");
    }

    [TestCase(LeadSource.Escalation)]
    [TestCase(LeadSource.Chat)]
    public void A_lead_from_a_conversation_names_it(LeadSource source)
    {
        var capture = () => Lead.Capture(Guid.NewGuid(), Guid.NewGuid(), null, source, null, null, "ada@example.com", null, null, null, null, Now);

        capture.Should().Throw<DomainRuleViolationException>().Which.Code.Should().Be("conversation_required");
    }

    [Test]
    public void Changing_to_the_status_or_notes_it_has_decides_nothing()
    {
        var lead = Captured(notes: "Call after 5");
        var by = Guid.NewGuid();

        lead.ChangeStatus(LeadStatus.New, by, Now).Should().BeNull();
        lead.ChangeNotes("Call after 5", by, Now).Should().BeNull();
        var contacted = lead.ChangeStatus(LeadStatus.Contacted, by, Now)!;
        lead.ApplyEvent(contacted);
        lead.Status.Should().Be(LeadStatus.Contacted);
        contacted.ChangedBy.Should().Be(by);
    }

    [Test]
    public void Blank_notes_clear_them()
    {
        var lead = Captured(notes: "Call after 5");

        var cleared = lead.ChangeNotes("   ", null, Now)!;
        lead.ApplyEvent(cleared);

        cleared.Notes.Should().BeNull();
        lead.Notes.Should().BeNull();
        lead.ChangeNotes("", null, Now).Should().BeNull();
    }

    [Test]
    public void The_same_contact_is_recognised_however_it_was_typed()
    {
        LeadContact.SameContact("Ada@Example.com ", null, "ada@example.com", "+1 555").Should().BeTrue();
        LeadContact.SameContact(null, "+1 (555) 010-0199", "bob@example.com", "15550100199").Should().BeTrue();
        LeadContact.SameContact("ada@example.com", null, "bob@example.com", null).Should().BeFalse();
        LeadContact.SameContact(null, null, null, null).Should().BeFalse("no contact is nobody's contact");
    }

    [Test]
    public void A_chat_leads_id_depends_on_its_conversation_and_contact_only()
    {
        var conversation = Guid.NewGuid();

        LeadIds.FromChat(conversation, "ada@example.com").Should().Be(LeadIds.FromChat(conversation, "ada@example.com"));
        LeadIds.FromChat(conversation, "ada@example.com").Should().NotBe(LeadIds.FromChat(conversation, "bob@example.com"));
        LeadIds.FromChat(conversation, "ada@example.com").Should().NotBe(LeadIds.FromChat(Guid.NewGuid(), "ada@example.com"));
    }
}
