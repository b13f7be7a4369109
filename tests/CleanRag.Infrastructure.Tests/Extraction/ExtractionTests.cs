using System.Text;
using CleanRag.Application.Documents.Ingestion;
using CleanRag.Infrastructure.Extraction;

namespace CleanRag.Infrastructure.Tests.Extraction;

public class ExtractionTests
{
    private readonly CompositeTextExtractor _extractor = new();

    private Task<ExtractedDocument> Extract(byte[] content, string fileName, string? contentType = null) =>
        _extractor.ExtractAsync(new MemoryStream(content), fileName, contentType, CancellationToken.None);

    private async Task<ExtractionFailedException> Failure(byte[] content, string fileName)
    {
        var act = () => Extract(content, fileName);
        return (await act.Should().ThrowAsync<ExtractionFailedException>()).Which;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Test]
    public async Task A_pdf_gives_its_text_page_by_page_with_one_based_page_numbers()
    {
        var pdf = TestPdf.WithPages(["First page says hello."], ["Second page says goodbye."]);

        var document = await Extract(pdf, "two-pages.pdf");

        document.PageCount.Should().Be(2);
        document.Blocks.Should().Contain(b => b.Text.Contains("hello") && b.PageNumber == 1);
        document.Blocks.Should().Contain(b => b.Text.Contains("goodbye") && b.PageNumber == 2);
    }

    [Test]
    public async Task A_pdf_whose_pages_hold_no_text_fails_as_no_text()
    {
        (await Failure(TestPdf.WithPages([], []), "scanned.pdf")).Code.Should().Be("no_text");
    }

    [Test]
    public async Task A_password_protected_pdf_fails_as_encrypted_pdf()
    {
        (await Failure(TestPdf.Encrypted(), "locked.pdf")).Code.Should().Be("encrypted_pdf");
    }

    [Test]
    public async Task Bytes_that_are_not_a_pdf_fail_as_corrupt_file()
    {
        var garbage = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray();

        (await Failure(garbage, "broken.pdf")).Code.Should().Be("corrupt_file");
        (await Failure(TestPdf.WithPages(["Cut short"])[..60], "truncated.pdf")).Code.Should().Be("corrupt_file");
    }

    [Test]
    public async Task A_docx_takes_its_heading_path_from_paragraph_styles()
    {
        var docx = TestOffice.Docx(
            ("Title", "Employee Handbook"),
            ("Heading1", "Benefits"),
            (null, "Dental care is included."),
            ("Heading2", "Vision"),
            (null, "Glasses are covered yearly."),
            ("Heading1", "Leave"),
            (null, "Twenty days of paid leave."));

        var document = await Extract(docx, "handbook.docx");

        document.Blocks.Single(b => b.Text == "Glasses are covered yearly.").HeadingPath.Should().Equal("Employee Handbook", "Benefits", "Vision");
        document.Blocks.Single(b => b.Text == "Twenty days of paid leave.").HeadingPath.Should().Equal("Employee Handbook", "Leave");
        document.Blocks.Should().Contain(b => b.Kind == TextBlockKind.TableRow && b.Text == "Plan | Deductible");
        document.Title.Should().Be("Employee Handbook");
    }

    [Test]
    public async Task A_pptx_gives_one_page_per_slide_with_the_slide_title_as_heading()
    {
        var pptx = TestOffice.Pptx(("Welcome", "Agenda for today"), ("Results", "Revenue grew by ten percent"));

        var document = await Extract(pptx, "deck.pptx");

        document.PageCount.Should().Be(2);
        document.Blocks.Single(b => b.Text == "Revenue grew by ten percent").Should().Match<TextBlock>(b => b.PageNumber == 2 && b.HeadingPath.Single() == "Results");
        document.Blocks.Single(b => b.Text == "Welcome").Kind.Should().Be(TextBlockKind.Heading);
    }

    [Test]
    public async Task An_xlsx_gives_one_block_per_row_labelled_by_the_header_under_the_sheet_name()
    {
        var xlsx = TestOffice.Xlsx(
            ("Prices", [["Product", "Price"], ["Chai", "18"], ["Chang", "19.5"]]),
            ("Staff", [["Name", "Role"], ["Nancy", "Sales"]]));

        var document = await Extract(xlsx, "catalog.xlsx");

        document.Blocks.Should().Contain(b => b.Text == "Product: Chang; Price: 19.5" && b.PageNumber == 1 && b.HeadingPath.Single() == "Prices");
        document.Blocks.Should().Contain(b => b.Text == "Name: Nancy; Role: Sales" && b.PageNumber == 2 && b.HeadingPath.Single() == "Staff");
    }

    [Test]
    public async Task A_zip_that_is_cut_short_fails_as_corrupt_file()
    {
        var docx = TestOffice.Docx((null, "Some text that will be cut."));

        (await Failure(docx[..(docx.Length / 2)], "truncated.docx")).Code.Should().Be("corrupt_file");
        (await Failure(Utf8("PK\u0003\u0004 not really a zip"), "fake.xlsx")).Code.Should().Be("corrupt_file");
    }

    [Test]
    public async Task Html_boilerplate_is_stripped_and_the_main_content_kept_with_its_headings()
    {
        const string html = """
            <html><head><title>Plans</title><style>body{color:red}</style><script>var tracking = 1;</script></head>
            <body>
              <header><a href="/">Home</a> Site banner</header>
              <nav><ul><li>Menu entry</li></ul></nav>
              <div role="navigation">Breadcrumbs</div>
              <main>
                <h1>Health plans</h1>
                <p>Northwind offers <b>two</b> plans.</p>
                <h2>Standard</h2>
                <ul><li>Medical</li><li>Vision</li></ul>
                <table><tr><th>Plan</th><th>Cost</th></tr><tr><td>Standard</td><td>$45</td></tr></table>
              </main>
              <aside>Related links</aside>
              <footer>Copyright 2024</footer>
              <noscript>Enable JavaScript</noscript>
            </body></html>
            """;

        var document = await Extract(Utf8(html), "plans.html");

        var text = string.Join("\n", document.Blocks.Select(b => b.Text));
        foreach (var boilerplate in new[] { "tracking", "color:red", "Site banner", "Menu entry", "Breadcrumbs", "Related links", "Copyright", "Enable JavaScript" })
            text.Should().NotContain(boilerplate);
        document.Blocks.Should().Contain(b => b.Text == "Northwind offers two plans." && b.HeadingPath.SequenceEqual(new[] { "Health plans" }));
        document.Blocks.Should().Contain(b => b.Text == "Vision" && b.Kind == TextBlockKind.ListItem && b.HeadingPath.SequenceEqual(new[] { "Health plans", "Standard" }));
        document.Blocks.Should().Contain(b => b.Text == "Standard | $45" && b.Kind == TextBlockKind.TableRow);
        document.Title.Should().Be("Plans");
    }

    [Test]
    public async Task Markdown_nested_headings_build_the_heading_path()
    {
        const string markdown = """
            # Guide

            Intro paragraph.

            ## Install

            - Download the package
            - Run the installer

            ### On Linux

            ```bash
            ./install.sh
            ```

            ## Use

            | Command | Effect |
            |---|---|
            | run | starts |
            """;

        var document = await Extract(Utf8(markdown), "guide.md");

        document.Blocks.Single(b => b.Text == "Run the installer").Should().Match<TextBlock>(b => b.Kind == TextBlockKind.ListItem && b.HeadingPath.SequenceEqual(new[] { "Guide", "Install" }));
        document.Blocks.Single(b => b.Kind == TextBlockKind.Code).Should().Match<TextBlock>(b => b.Text == "./install.sh" && b.HeadingPath.SequenceEqual(new[] { "Guide", "Install", "On Linux" }));
        document.Blocks.Should().Contain(b => b.Text == "run | starts" && b.HeadingPath.SequenceEqual(new[] { "Guide", "Use" }));
    }

    [Test]
    public async Task Csv_rows_become_column_value_blocks()
    {
        const string csv = "name,city,note\nAlice,Seattle,\"likes \"\"tea\"\", coffee\"\nBob,Redmond,\n";

        var document = await Extract(Utf8(csv), "people.csv");

        document.Blocks.Select(b => b.Text).Should().Equal("name: Alice; city: Seattle; note: likes \"tea\", coffee", "name: Bob; city: Redmond");
    }

    [Test]
    public async Task Json_is_flattened_to_key_paths()
    {
        const string json = """{ "company": { "name": "Contoso", "address": { "city": "Redmond" } }, "plans": [ { "id": 1, "name": "Standard" } ] }""";

        var document = await Extract(Utf8(json), "data.json");

        var lines = document.Blocks.SelectMany(b => b.Text.Split('\n')).ToList();
        lines.Should().Contain(["company.name: Contoso", "company.address.city: Redmond", "plans[0].id: 1", "plans[0].name: Standard"]);
    }

    [Test]
    public async Task Plain_text_is_split_into_paragraphs_at_blank_lines()
    {
        var document = await Extract(Utf8("Première ligne\ncontinue ici.\n\n\n  Second paragraph – ünïcödé.  \n"), "notes.txt");

        document.Blocks.Select(b => b.Text).Should().Equal("Première ligne\ncontinue ici.", "Second paragraph – ünïcödé.");
    }

    [Test]
    public async Task An_empty_or_blank_file_fails_as_empty_file()
    {
        (await Failure([], "empty.pdf")).Code.Should().Be("empty_file");
        (await Failure(Utf8(" \n\t\r\n "), "blank.txt")).Code.Should().Be("empty_file");
    }

    [Test]
    public async Task An_unsupported_extension_fails_as_unsupported_type_even_with_a_known_content_type()
    {
        var act = () => Extract(Utf8("MZ binary"), "setup.exe", "text/plain");

        (await act.Should().ThrowAsync<ExtractionFailedException>()).Which.Code.Should().Be("unsupported_type");
        _extractor.CanExtract("setup.exe", null).Should().BeFalse();
    }

    [Test]
    public async Task A_file_without_extension_is_recognised_by_its_content_type()
    {
        var document = await Extract(Utf8("# Title\n\nBody."), "upload", "text/markdown; charset=utf-8");

        document.Blocks.Should().Contain(b => b.Kind == TextBlockKind.Heading && b.Text == "Title");
    }

    [Test]
    public async Task Hostile_inputs_fail_with_extraction_errors_only()
    {
        var deepJson = new string('[', 10_000) + new string(']', 10_000);
        var deepHtml = "<p>Shallow text</p>" + string.Concat(Enumerable.Repeat("<div>", 20_000)) + "deep text";

        (await Failure(Utf8(deepJson), "deep.json")).Code.Should().Be("corrupt_file");
        (await Failure(Utf8("{ \"unterminated\": "), "bad.json")).Code.Should().Be("corrupt_file");
        // Nesting beyond the walker's depth limit is dropped rather than overflowing the stack.
        var html = await Extract(Utf8(deepHtml), "deep.html");
        html.Blocks.Select(b => b.Text).Should().Contain("Shallow text").And.NotContain(t => t.Contains("deep text"));
    }
}
