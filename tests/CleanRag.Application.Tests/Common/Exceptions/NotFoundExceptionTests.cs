using CleanRag.Application.Common.Exceptions;

namespace CleanRag.Application.Tests.Common.Exceptions;

public class NotFoundExceptionTests
{
    [TestCase("Project", "project_not_found", "Project was not found.")]
    [TestCase("API key", "api_key_not_found", "API key was not found.")]
    [TestCase("Webhook delivery", "webhook_delivery_not_found", "Webhook delivery was not found.")]
    public void The_code_names_what_was_not_found(string what, string code, string message)
    {
        var notFound = new NotFoundException(what);

        notFound.Code.Should().Be(code);
        notFound.Message.Should().Be(message);
    }

    [Test]
    public void A_detail_refines_the_message_but_not_the_code()
    {
        var notFound = new NotFoundException("Conversation", " at that point");

        notFound.Code.Should().Be("conversation_not_found");
        notFound.Message.Should().Be("Conversation at that point was not found.");
    }
}
