using System.Text;
using CleanRag.Application.Documents.Ingestion;
using CleanRag.Infrastructure.Extraction;

namespace CleanRag.Infrastructure.Tests.Extraction;

/// <summary>The bytes decide the format when they carry a signature; a name or declared type cannot make binary data text.</summary>
public class ContentSniffingTests
{
    private readonly CompositeTextExtractor _extractor = new();

    private Task<ExtractedDocument> Extract(byte[] content, string fileName, string? contentType) =>
        _extractor.ExtractAsync(new MemoryStream(content), fileName, contentType, CancellationToken.None);

    [Test]
    public async Task A_pdf_named_as_text_is_read_as_a_pdf_with_its_pages()
    {
        var pdf = TestPdf.WithPages(["The renamed report says hello."], ["Its second page says goodbye."]);

        var document = await Extract(pdf, "report.txt", "text/plain");

        document.PageCount.Should().Be(2);
        document.Blocks.Should().Contain(b => b.Text.Contains("goodbye") && b.PageNumber == 2);
        document.Blocks.Should().NotContain(b => b.Text.Contains("%PDF") || b.Text.Contains("endobj"));
    }

    [Test]
    public async Task A_word_document_named_as_markdown_is_read_as_word()
    {
        var docx = TestOffice.Docx(("Heading1", "Returns"), (null, "Returns are accepted within 30 days."));

        var document = await Extract(docx, "policy.md", "text/markdown");

        document.Blocks.Should().Contain(b => b.Text == "Returns are accepted within 30 days." && b.HeadingPath.SequenceEqual(new[] { "Returns" }));
    }

    [Test]
    public async Task Binary_data_named_as_text_fails_instead_of_being_indexed_as_text()
    {
        var binary = new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0x3E, 0, (byte)'x' };

        var act = () => Extract(binary, "notes.txt", "text/plain");

        var failure = (await act.Should().ThrowAsync<ExtractionFailedException>()).Which;
        failure.Code.Should().Be("unsupported_type");
        failure.Message.Should().Contain("binary data");
    }

    [Test]
    public async Task Utf16_text_with_its_byte_order_mark_is_still_text()
    {
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Opening hours are nine to five.")).ToArray();

        var document = await Extract(utf16, "hours.txt", "text/plain");

        document.Blocks.Single().Text.Should().Be("Opening hours are nine to five.");
    }
}
