using System.Text.Json;
using System.Text.RegularExpressions;
using CleanRag.Application.Documents.Ingestion;
using CleanRag.Infrastructure.Extraction;
using CleanRag.Testing;

namespace CleanRag.Infrastructure.Tests.Extraction;

/// <summary>Real files from the shared datasets (skipped when the folder is not there).</summary>
public partial class DatasetExtractionTests
{
    private static readonly string Datasets = Path.GetFullPath(Path.Combine(TestServices.RepositoryRoot, "..", "shared", "datasets"));
    private readonly CompositeTextExtractor _extractor = new();

    private static string RequireFolder(string name)
    {
        var folder = Path.Combine(Datasets, name);
        if (!Directory.Exists(folder))
            Assert.Ignore($"Dataset folder {folder} is absent (see /work/shared/datasets/README.md); skipping.");
        return folder;
    }

    private async Task<ExtractedDocument> Extract(string path)
    {
        await using var file = File.OpenRead(path);
        return await _extractor.ExtractAsync(file, Path.GetFileName(path), null, CancellationToken.None);
    }

    public static IEnumerable<string> MixedFormatFiles() =>
        new[]
        {
            "doc1.txt", "file1-Wikipedia-Carbon.txt", "file2-Wikipedia-Moon.txt", "file2-largePDF.pdf", "file3-lorem-ipsum.docx",
            "file4-KM-Readme.pdf", "file4-SK-Readme.pdf", "file5-NASA-news.pdf", "file8-data.xlsx", "msexcelfile.xlsx",
            "mspowerpointfile.pptx", "mswordfile.docx", "story.docx",
        };

    [TestCaseSource(nameof(MixedFormatFiles))]
    public async Task Every_mixed_format_file_extracts_non_empty_text_in_page_order(string fileName)
    {
        var document = await Extract(Path.Combine(RequireFolder("mixed-formats"), fileName));

        document.Blocks.Should().NotBeEmpty();
        document.Blocks.Sum(b => b.Text.Length).Should().BeGreaterThan(100);
        document.Blocks.Should().OnlyContain(b => b.Text.Trim().Length > 0);
        var pages = document.Blocks.Where(b => b.PageNumber is not null).Select(b => b.PageNumber!.Value).ToList();
        pages.Should().BeInAscendingOrder();
        if (document.PageCount is { } count)
            pages.Should().OnlyContain(p => p >= 1 && p <= count);
    }

    [Test]
    public async Task The_large_pdf_gives_text_on_many_pages()
    {
        var document = await Extract(Path.Combine(RequireFolder("mixed-formats"), "file2-largePDF.pdf"));

        document.PageCount.Should().BeGreaterThan(10);
        document.Blocks.Select(b => b.PageNumber).Distinct().Count().Should().BeGreaterThan(document.PageCount!.Value / 2);
    }

    [Test]
    public async Task The_novel_of_three_megabytes_is_extracted_whole()
    {
        var path = Path.Combine(RequireFolder("mixed-formats"), "doc1.txt");

        var document = await Extract(path);

        var sourceLetters = File.ReadAllText(path).Count(char.IsLetter);
        document.Blocks.Sum(b => b.Text.Count(char.IsLetter)).Should().Be(sourceLetters);
        document.Blocks.Count.Should().BeGreaterThan(1000);
    }

    [Test]
    public async Task Spreadsheets_give_rows_under_their_sheet_names()
    {
        var document = await Extract(Path.Combine(RequireFolder("mixed-formats"), "msexcelfile.xlsx"));

        document.Blocks.Count(b => b.Kind == TextBlockKind.TableRow).Should().BeGreaterThan(5);
        document.Blocks.Where(b => b.Kind == TextBlockKind.TableRow).Should().OnlyContain(b => b.HeadingPath.Count == 1);
    }

    [Test]
    public async Task A_presentation_gives_one_page_per_slide()
    {
        var document = await Extract(Path.Combine(RequireFolder("mixed-formats"), "mspowerpointfile.pptx"));

        document.PageCount.Should().BeGreaterThan(1);
        document.Blocks.Select(b => b.PageNumber).Distinct().Count().Should().BeGreaterThan(1);
    }

    [Test]
    public async Task A_word_document_gives_headings()
    {
        var document = await Extract(Path.Combine(RequireFolder("mixed-formats"), "mswordfile.docx"));

        document.Blocks.Should().Contain(b => b.Kind == TextBlockKind.Heading);
        document.Blocks.Should().Contain(b => b.Kind != TextBlockKind.Heading && b.HeadingPath.Count > 0);
    }

    /// <summary>The reference answers cite "file.pdf#page=N"; the answer's key phrase must be on that page.</summary>
    [TestCase("Northwind_Standard_Benefits_Details.pdf", 7, "balance billing")]
    [TestCase("Northwind_Standard_Benefits_Details.pdf", 8, "in-network")]
    [TestCase("Northwind_Health_Plus_Benefits_Details.pdf", 7, "balance billing")]
    [TestCase("Northwind_Health_Plus_Benefits_Details.pdf", 13, "$1,500")]
    public async Task Northwind_pdfs_put_text_on_the_page_the_reference_answers_cite(string fileName, int page, string phrase)
    {
        var folder = RequireFolder("northwind");
        var citations = File.ReadLines(Path.Combine(folder, "questions-dev.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("truth").GetString()!)
            .SelectMany(truth => Citation().Matches(truth).Select(m => (File: m.Groups[1].Value, Page: int.Parse(m.Groups[2].Value))));
        citations.Should().Contain((fileName, page), "the test cases mirror questions-dev.jsonl");

        var document = await Extract(Path.Combine(folder, fileName));

        var pageText = string.Join(" ", document.Blocks.Where(b => b.PageNumber == page).Select(b => b.Text));
        pageText.Should().ContainEquivalentOf(phrase);
        document.Blocks.Select(b => b.PageNumber).Should().BeInAscendingOrder();
    }

    [GeneratedRegex(@"\[([^\]#]+\.pdf)#page=(\d+)\]")]
    private static partial Regex Citation();
}
