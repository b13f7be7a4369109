using CleanRag.Application.Search;
using CleanRag.Application.Documents.Ingestion;
using CleanRag.Infrastructure.Chunking;
using CleanRag.Infrastructure.Extraction;
using Microsoft.Extensions.DependencyInjection;

namespace CleanRag.Infrastructure.Tests.Chunking;

public class StructureAwareChunkerTests
{
    private static readonly ITokenCounter Tokens = TiktokenTokenCounter.Cl100kBase;
    private readonly StructureAwareChunker _chunker = new(Tokens);

    private static TextBlock Paragraph(string text, int? page = null, params string[] headings) => new(text, TextBlockKind.Paragraph, page, headings);

    private static TextBlock Heading(string text, int? page = null, params string[] path) => new(text, TextBlockKind.Heading, page, path);

    /// <summary>Distinct, numbered sentences of about 12 tokens, so every sentence can be told apart.</summary>
    private static string Sentences(int from, int count) =>
        string.Join(" ", Enumerable.Range(from, count).Select(i => $"Sentence number {i} explains one more detail about the benefit plan."));

    private static ExtractedDocument Document(params TextBlock[] blocks) => new(blocks, blocks.Max(b => b.PageNumber));

    [Test]
    public void Chunks_stay_within_the_target_size_and_end_at_sentence_boundaries()
    {
        var document = Document(Enumerable.Range(0, 20).Select(p => Paragraph(Sentences(p * 10, 10), p / 4 + 1)).ToArray());

        var chunks = _chunker.Chunk(document, new ChunkingOptions(TargetTokens: 200));

        chunks.Should().HaveCountGreaterThan(5);
        chunks.Should().OnlyContain(c => c.TokenCount <= 200);
        chunks.SkipLast(1).Should().OnlyContain(c => c.TokenCount >= 100, "chunks are packed, not cut at every paragraph");
        chunks.Should().OnlyContain(c => c.Text.StartsWith("Sentence number") && c.Text.EndsWith("plan."));
    }

    [Test]
    public void Each_chunk_starts_with_the_end_of_the_previous_one_within_a_section()
    {
        var document = Document(Paragraph(Sentences(0, 60)));

        var chunks = _chunker.Chunk(document, new ChunkingOptions(TargetTokens: 200, OverlapRatio: 0.15));

        chunks.Should().HaveCountGreaterThan(3);
        foreach (var (previous, next) in chunks.Zip(chunks.Skip(1)))
        {
            next.CharStart.Should().BeLessThan(previous.CharEnd, "the next chunk overlaps the previous one");
            var overlap = previous.CharEnd - next.CharStart;
            Tokens.CountTokens(next.Text.AsSpan(0, overlap)).Should().BeInRange(1, 200 * 15 / 100 * 2);
            previous.Text.Should().EndWith(next.Text[..overlap]);
        }
    }

    [Test]
    public void Offsets_point_at_the_chunk_text_in_the_document_full_text()
    {
        var document = Document(
            Heading("Benefits", 1, "Benefits"),
            Paragraph(Sentences(0, 15), 1, "Benefits"),
            Paragraph(Sentences(15, 15), 2, "Benefits"),
            Heading("Leave", 3, "Leave"),
            Paragraph(Sentences(30, 15), 3, "Leave"));
        var fullText = StructureAwareChunker.FullText(document);

        var chunks = _chunker.Chunk(document, new ChunkingOptions(TargetTokens: 150));

        fullText.Should().Be(string.Join("\n\n", document.Blocks.Select(b => b.Text)));
        chunks.Should().OnlyContain(c => fullText.Substring(c.CharStart, c.CharEnd - c.CharStart) == c.Text);
        chunks.Select(c => c.CharStart).Should().BeInAscendingOrder();
        chunks.Select(c => c.Index).Should().Equal(Enumerable.Range(0, chunks.Count));
        var covered = chunks.SelectMany(c => Enumerable.Range(c.CharStart, c.CharEnd - c.CharStart)).ToHashSet();
        Enumerable.Range(0, fullText.Length).Where(i => !char.IsWhiteSpace(fullText[i])).Should().OnlyContain(i => covered.Contains(i), "no text is lost");
    }

    [Test]
    public void A_new_heading_section_starts_a_new_chunk_once_the_current_one_is_half_full()
    {
        var document = Document(
            Heading("Dental", 1, "Plans", "Dental"),
            Paragraph(Sentences(0, 10), 1, "Plans", "Dental"),
            Heading("Vision", 2, "Plans", "Vision"),
            Paragraph(Sentences(10, 5), 2, "Plans", "Vision"));

        var chunks = _chunker.Chunk(document, new ChunkingOptions(TargetTokens: 200));

        chunks.Should().HaveCount(2);
        chunks[0].Should().Match<TextChunk>(c => c.HeadingPath == "Plans > Dental" && c.PageStart == 1 && c.PageEnd == 1 && !c.Text.Contains("Vision"));
        chunks[1].Should().Match<TextChunk>(c => c.HeadingPath == "Plans > Vision" && c.PageStart == 2 && c.Text.StartsWith("Vision"), "a new section carries no overlap");
    }

    [Test]
    public void A_chunk_over_a_page_break_records_where_each_later_page_begins_in_its_text()
    {
        var document = Document(
            Paragraph("Glasses are covered once a year.", 3),
            Paragraph("Contact lenses are covered instead of glasses.", 4),
            Paragraph("Frames have a limit.", 4),
            Paragraph("Laser surgery is not covered.", 6));

        var chunk = _chunker.Chunk(document, new ChunkingOptions(TargetTokens: 200)).Single();

        chunk.Should().Match<TextChunk>(c => c.PageStart == 3 && c.PageEnd == 6);
        chunk.PageBreaks.Should().Equal(
            new PageBreak(chunk.Text.IndexOf("Contact", StringComparison.Ordinal), 4),
            new PageBreak(chunk.Text.IndexOf("Laser", StringComparison.Ordinal), 6));
    }

    [Test]
    public void A_chunk_on_one_page_records_no_page_breaks()
    {
        var document = Document(Paragraph("Glasses are covered once a year.", 3), Paragraph("Frames have a limit.", 3));

        _chunker.Chunk(document, new ChunkingOptions(TargetTokens: 200)).Single().PageBreaks.Should().BeNull();
    }

    [Test]
    public void A_small_section_is_packed_together_with_the_next_one()
    {
        var document = Document(
            Heading("Intro", 1, "Intro"),
            Paragraph("A short introduction.", 1, "Intro"),
            Heading("Details", 2, "Details"),
            Paragraph(Sentences(0, 5), 2, "Details"));

        var chunks = _chunker.Chunk(document, new ChunkingOptions(TargetTokens: 200));

        chunks.Should().ContainSingle().Which.Should().Match<TextChunk>(c => c.HeadingPath == "Intro" && c.PageStart == 1 && c.PageEnd == 2);
    }

    [Test]
    public void A_sentence_longer_than_a_chunk_is_split_between_words()
    {
        var giant = string.Join(" ", Enumerable.Range(0, 1000).Select(i => $"word{i}")) + ".";
        var document = Document(Paragraph(giant, 1));

        var chunks = _chunker.Chunk(document, new ChunkingOptions(TargetTokens: 100));

        chunks.Should().HaveCountGreaterThan(10);
        chunks.Should().OnlyContain(c => c.TokenCount <= 100 && !c.Text.StartsWith(' ') && !c.Text.EndsWith(' '));
        chunks.Should().OnlyContain(c => c.Text.Split(' ', StringSplitOptions.None).All(w => w.StartsWith("word")), "words are not cut");
        chunks[^1].Text.Should().EndWith("word999.");
    }

    [Test]
    public void A_word_longer_than_a_chunk_is_cut_to_fit()
    {
        var document = Document(Paragraph(new string('x', 5000)));

        var chunks = _chunker.Chunk(document, new ChunkingOptions(TargetTokens: 50));

        chunks.Should().OnlyContain(c => c.TokenCount <= 50);
        string.Concat(chunks.Select(c => c.Text)).Length.Should().BeGreaterThanOrEqualTo(5000);
    }

    [Test]
    public void Code_and_table_rows_are_split_by_line_not_by_sentence()
    {
        var rows = string.Join("\n", Enumerable.Range(0, 200).Select(i => $"row {i}. | value {i}"));
        var document = Document(new TextBlock(rows, TextBlockKind.Code, null, []));

        var chunks = _chunker.Chunk(document, new ChunkingOptions(TargetTokens: 100, OverlapRatio: 0));

        chunks.Should().OnlyContain(c => c.Text.StartsWith("row ") && c.Text.Split('\n').All(l => l.Contains("| value")));
    }

    [Test]
    public void An_empty_document_gives_no_chunks()
    {
        _chunker.Chunk(new ExtractedDocument([], null), ChunkingOptions.Default).Should().BeEmpty();
        _chunker.Chunk(Document(Paragraph("   ")), ChunkingOptions.Default).Should().BeEmpty();
    }

    [Test]
    public void Chunking_is_deterministic()
    {
        var document = Document(Enumerable.Range(0, 30).Select(p => Paragraph(Sentences(p * 7, 7), p + 1, $"Part {p / 10}")).ToArray());

        var first = _chunker.Chunk(document, ChunkingOptions.Default);
        var second = new StructureAwareChunker(Tokens).Chunk(document, ChunkingOptions.Default);

        second.Should().BeEquivalentTo(first, options => options.WithStrictOrdering());
    }

    [Test]
    public void Abbreviations_followed_by_lower_case_do_not_end_a_sentence()
    {
        var document = Document(Paragraph("Coverage includes e.g. dental care and vision care for employees. " + Sentences(0, 40)));

        var chunks = _chunker.Chunk(document, new ChunkingOptions(TargetTokens: 100));

        chunks.Should().OnlyContain(c => !c.Text.StartsWith("dental"));
    }

    [Test]
    public void Invalid_options_are_rejected()
    {
        var document = Document(Paragraph("Text."));

        FluentActions.Invoking(() => _chunker.Chunk(document, new ChunkingOptions(TargetTokens: 0))).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => _chunker.Chunk(document, new ChunkingOptions(OverlapRatio: 0.9))).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Test]
    public async Task A_real_pdf_is_chunked_with_ascending_pages_and_exact_offsets()
    {
        var path = Path.Combine(CleanRag.Testing.TestServices.RepositoryRoot, "..", "shared", "datasets", "northwind", "PerksPlus.pdf");
        if (!File.Exists(path))
            Assert.Ignore($"{path} is absent (shared datasets); skipping.");
        await using var file = File.OpenRead(path);
        var document = await new CompositeTextExtractor().ExtractAsync(file, "PerksPlus.pdf", null, CancellationToken.None);
        var fullText = StructureAwareChunker.FullText(document);

        var chunks = _chunker.Chunk(document, ChunkingOptions.Default);

        chunks.Should().NotBeEmpty();
        chunks.Should().OnlyContain(c => fullText.Substring(c.CharStart, c.CharEnd - c.CharStart) == c.Text && c.PageStart <= c.PageEnd && c.TokenCount <= 400);
        chunks.Select(c => c.PageStart).Should().BeInAscendingOrder();
    }

    [Test]
    public void The_di_extension_registers_the_extractor_and_the_chunker()
    {
        using var provider = new ServiceCollection().AddTextExtraction().BuildServiceProvider();

        provider.GetRequiredService<ITextExtractor>().CanExtract("a.pdf", null).Should().BeTrue();
        provider.GetRequiredService<IChunker>().Should().BeOfType<StructureAwareChunker>();
    }
}
