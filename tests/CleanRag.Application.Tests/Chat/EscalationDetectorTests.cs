using CleanRag.Application.Chat;

namespace CleanRag.Application.Tests.Chat;

public class EscalationDetectorTests
{
    [TestCase("Can I talk to a human?")]
    [TestCase("I want to speak with a real person please")]
    [TestCase("agent")]
    [TestCase("Connect me to customer service")]
    [TestCase("Is there a live agent available?")]
    [TestCase("I'd like a representative")]
    public void A_request_for_a_person_is_detected(string question) =>
        EscalationDetector.Detect(question).Should().NotBeNull();

    [TestCase("How do I change my agent's password in the admin panel settings?")]
    [TestCase("Are glasses covered by the plan?")]
    [TestCase("What does the travel agent policy say?")]
    public void Ordinary_questions_are_not_escalations(string question) =>
        EscalationDetector.Detect(question).Should().BeNull();

    [Test]
    public void Contact_details_left_with_the_request_are_kept()
    {
        var escalation = EscalationDetector.Detect("Please have a person call me at +47 912 34 567 or mail ada@example.com");

        escalation!.Email.Should().Be("ada@example.com");
        escalation.Phone.Should().Be("+47 912 34 567");
    }
}
