using CleanRag.Application.Search;

namespace CleanRag.Application.Documents.Ingestion;

/// <summary>Splits extracted text into overlapping, structure-aware chunks sized in tokens.</summary>
public interface IChunker
{
    IReadOnlyList<TextChunk> Chunk(ExtractedDocument document, ChunkingOptions options);
}

/// <param name="TargetTokens">Aimed-at chunk size in tokens.</param>
/// <param name="OverlapRatio">Share of a chunk repeated at the start of the next one.</param>
public sealed record ChunkingOptions(int TargetTokens = 400, double OverlapRatio = 0.15)
{
    public static ChunkingOptions Default { get; } = new();
}

/// <summary>
/// One chunk. <see cref="CharStart"/>/<see cref="CharEnd"/> are offsets into the document's full text
/// (its blocks joined by blank lines), so an excerpt can be cut from the source. <see cref="PageBreaks"/> are
/// offsets into <see cref="Text"/> where each later page begins (null when the chunk is on one page).
/// </summary>
public sealed record TextChunk(
    int Index,
    string Text,
    int TokenCount,
    int? PageStart,
    int? PageEnd,
    string? HeadingPath,
    int CharStart,
    int CharEnd,
    IReadOnlyList<PageBreak>? PageBreaks = null);
