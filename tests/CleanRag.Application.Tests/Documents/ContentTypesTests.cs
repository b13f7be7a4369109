using CleanRag.Application.Documents;

namespace CleanRag.Application.Tests.Documents;

public class ContentTypesTests
{
    [TestCase("text/plain")]
    [TestCase("application/pdf")]
    [TestCase("text/plain; charset=utf-8")]
    [TestCase("application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [TestCase("text/plain;format=\"flowed text\"")]
    public void A_media_type_as_http_allows_it_is_valid(string contentType) => ContentTypes.IsValid(contentType).Should().BeTrue();

    [TestCase("text/plain\r\nX-Injected: 1", TestName = "a header injection")]
    [TestCase("text/plaîn", TestName = "non-ASCII")]
    [TestCase("text", TestName = "no subtype")]
    [TestCase("text/plain; charset", TestName = "a parameter without a value")]
    [TestCase("", TestName = "empty")]
    public void Anything_else_is_invalid(string contentType) => ContentTypes.IsValid(contentType).Should().BeFalse();

    [Test]
    public void A_type_longer_than_the_limit_is_invalid() =>
        ContentTypes.IsValid("text/" + new string('x', ContentTypes.MaxLength)).Should().BeFalse();
}
