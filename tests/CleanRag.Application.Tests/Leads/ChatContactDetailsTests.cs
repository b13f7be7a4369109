using CleanRag.Application.Leads.CaptureLead;

namespace CleanRag.Application.Tests.Leads;

public class ChatContactDetailsTests
{
    [TestCase("You can mail me at ada.lovelace+shop@example.co.uk thanks", "ada.lovelace+shop@example.co.uk", null)]
    [TestCase("Please call me on +44 20 7946 0000", null, "+44 20 7946 0000")]
    [TestCase("my phone: (555) 010-0199", null, "(555) 010-0199")]
    [TestCase("+1 555 010 0199 or bob@example.com", "bob@example.com", "+1 555 010 0199")]
    [TestCase("WhatsApp 0612345678", null, "0612345678")]
    public void Contact_details_in_a_message_are_found(string message, string? email, string? phone)
    {
        ChatContactDetails.Find(message).Should().Be(new ChatContact(email, phone));
    }

    [TestCase("Where is my order 123456789?")]
    [TestCase("I was charged 1,250.00 on 2026-11-30")]
    [TestCase("Call me about the invoice from 12/11/2026")]
    [TestCase("Can you call me? My reference is 12345")]
    [TestCase("What does the Plus plan cover?")]
    [TestCase("Is support@ open on weekends?")]
    public void Numbers_that_are_not_phone_numbers_and_messages_without_contact_details_find_nothing(string message)
    {
        ChatContactDetails.Find(message).Should().BeNull();
    }
}
