using CleanRag.Application.Documents.Ingestion;
using CleanRag.Application.Search;

namespace CleanRag.Infrastructure.Chunking;

/// <summary>
/// Packs sentences into chunks of about <see cref="ChunkingOptions.TargetTokens"/> tokens. Chunks end at
/// sentence boundaries (a sentence longer than a chunk is split between words), preferably at a paragraph
/// boundary, and a new heading section starts a new chunk once the current one is half full. Within a
/// section each chunk starts with the last sentences of the previous one (about
/// <see cref="ChunkingOptions.OverlapRatio"/> of its size); a chunk opening a new section carries none,
/// since text from another section would only blur it. Offsets index the document's full text: its
/// blocks joined with blank lines; a chunk's text is exactly that span.
/// </summary>
public sealed class StructureAwareChunker(ITokenCounter tokenCounter) : IChunker
{
    public const string BlockSeparator = "\n\n";
    private const double ParagraphBreakMinimumFill = 0.6;

    public static string FullText(ExtractedDocument document) => string.Join(BlockSeparator, document.Blocks.Select(b => b.Text));

    public IReadOnlyList<TextChunk> Chunk(ExtractedDocument document, ChunkingOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TargetTokens, 16, nameof(options.TargetTokens));
        if (options.OverlapRatio is < 0 or > 0.5)
            throw new ArgumentOutOfRangeException(nameof(options), "OverlapRatio must be between 0 and 0.5.");

        var fullText = FullText(document);
        var packer = new Packer(fullText, options, tokenCounter);
        var offset = 0;
        foreach (var block in document.Blocks)
        {
            var headingPath = block.HeadingPath.Count == 0 ? null : string.Join(" > ", block.HeadingPath);
            var first = true;
            foreach (var (start, end) in Sentences(block, offset))
            {
                foreach (var piece in FitToSize(fullText, start, end, packer.MaxUnitTokens))
                {
                    packer.Add(piece with
                    {
                        Page = block.PageNumber,
                        HeadingPath = headingPath,
                        StartsBlock = first,
                        StartsSection = first && block.Kind == TextBlockKind.Heading,
                    });
                    first = false;
                }
            }
            offset += block.Text.Length + BlockSeparator.Length;
        }
        return packer.Finish();
    }

    /// <summary>Sentence spans of a block (line spans for code and table rows), trimmed, as full-text offsets.</summary>
    private static IEnumerable<(int Start, int End)> Sentences(TextBlock block, int offset)
    {
        var text = block.Text;
        var byLine = block.Kind is TextBlockKind.Code or TextBlockKind.TableRow;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var end = byLine ? (text[i] == '\n' ? i : -1) : SentenceEnd(text, i);
            if (end < 0)
                continue;
            if (Trim(text, start, end) is { } span)
                yield return (offset + span.Start, offset + span.End);
            start = end;
            i = end;
        }
        if (Trim(text, start, text.Length) is { } last)
            yield return (offset + last.Start, offset + last.End);
    }

    /// <summary>
    /// If a sentence ends at <paramref name="i"/> (terminal punctuation, closing quotes, then a space and
    /// no lower-case letter, so "e.g. this" stays whole), the index just past it; otherwise -1.
    /// </summary>
    private static int SentenceEnd(string text, int i)
    {
        if (text[i] is not ('.' or '!' or '?' or '…' or '。'))
            return -1;
        var end = i + 1;
        while (end < text.Length && text[end] is '"' or '\'' or ')' or ']' or '”' or '’' or '.' or '!' or '?')
            end++;
        if (end >= text.Length || !char.IsWhiteSpace(text[end]))
            return -1;
        var next = end;
        while (next < text.Length && char.IsWhiteSpace(text[next]))
            next++;
        return next < text.Length && char.IsLower(text[next]) ? -1 : end;
    }

    private static (int Start, int End)? Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return end > start ? (start, end) : null;
    }

    /// <summary>The sentence as one unit, or cut between words (between characters for a giant word) to fit.</summary>
    private IEnumerable<Unit> FitToSize(string fullText, int start, int end, int maxTokens)
    {
        var tokens = tokenCounter.CountTokens(fullText.AsSpan(start, end - start));
        if (tokens <= maxTokens)
        {
            yield return new Unit(start, end, tokens);
            yield break;
        }
        var pieceStart = start;
        var pieceEnd = start;
        var pieceTokens = 0;
        var position = start;
        while (position < end)
        {
            var wordStart = position;
            while (wordStart < end && char.IsWhiteSpace(fullText[wordStart])) wordStart++;
            var wordEnd = wordStart;
            while (wordEnd < end && !char.IsWhiteSpace(fullText[wordEnd])) wordEnd++;
            position = wordEnd;
            if (wordEnd == wordStart)
                break;
            var wordTokens = tokenCounter.CountTokens(fullText.AsSpan(wordStart, wordEnd - wordStart));
            if (pieceTokens > 0 && pieceTokens + wordTokens > maxTokens)
            {
                yield return new Unit(pieceStart, pieceEnd, pieceTokens);
                pieceTokens = 0;
            }
            if (pieceTokens == 0)
                pieceStart = wordStart;
            if (wordTokens > maxTokens)
            {
                foreach (var slice in SliceWord(fullText, wordStart, wordEnd, maxTokens))
                    yield return slice;
                continue;
            }
            pieceEnd = wordEnd;
            pieceTokens += wordTokens;
        }
        if (pieceTokens > 0)
            yield return new Unit(pieceStart, pieceEnd, pieceTokens);
    }

    private IEnumerable<Unit> SliceWord(string fullText, int start, int end, int maxTokens)
    {
        while (start < end)
        {
            // Longest prefix within the budget, by binary search on its length.
            int low = 1, high = end - start;
            while (low < high)
            {
                var middle = (low + high + 1) / 2;
                if (tokenCounter.CountTokens(fullText.AsSpan(start, middle)) <= maxTokens) low = middle;
                else high = middle - 1;
            }
            yield return new Unit(start, start + low, tokenCounter.CountTokens(fullText.AsSpan(start, low)));
            start += low;
        }
    }

    private sealed record Unit(int Start, int End, int Tokens)
    {
        public int? Page { get; init; }
        public string? HeadingPath { get; init; }
        public bool StartsBlock { get; init; }
        public bool StartsSection { get; init; }
    }

    private sealed class Packer(string fullText, ChunkingOptions options, ITokenCounter tokenCounter)
    {
        private readonly List<TextChunk> _chunks = [];
        private readonly int _overlapBudget = (int)(options.TargetTokens * options.OverlapRatio);
        private List<Unit> _current = [];
        private int _carried;

        /// <summary>A unit leaves room for the overlap, so a chunk never holds only carried text.</summary>
        public int MaxUnitTokens => options.TargetTokens - _overlapBudget;

        private int Tokens => _current.Sum(Cost);
        private bool HasOwnUnits => _current.Count > _carried;

        public void Add(Unit unit)
        {
            var sectionBreak = unit.StartsSection && HasOwnUnits && Tokens >= options.TargetTokens / 2;
            while (HasOwnUnits && (sectionBreak || Tokens + Cost(unit) > options.TargetTokens))
            {
                Close(sectionBreak, unit.StartsBlock);
                sectionBreak = false;
            }
            while (_carried > 0 && Tokens + Cost(unit) > options.TargetTokens)
            {
                _current.RemoveAt(0);
                _carried--;
            }
            _current.Add(unit);
        }

        /// <summary>A unit's tokens plus the blank line before it when it opens a block (one token).</summary>
        private static int Cost(Unit unit) => unit.Tokens + (unit.StartsBlock ? 1 : 0);

        public IReadOnlyList<TextChunk> Finish()
        {
            if (HasOwnUnits)
                Emit(_current);
            return _chunks;
        }

        private void Close(bool sectionBreak, bool nextStartsBlock)
        {
            var cut = sectionBreak || nextStartsBlock ? _current.Count : ParagraphCut();
            var closed = _current[..cut];
            var moved = _current[cut..];
            Emit(closed);
            var carry = sectionBreak ? [] : OverlapTail(closed);
            _current = [.. carry, .. moved];
            _carried = carry.Count;
        }

        /// <summary>Cut before the last paragraph start if the chunk is already well filled there; else at the end.</summary>
        private int ParagraphCut()
        {
            for (var i = _current.Count - 1; i > _carried; i--)
            {
                if (!_current[i].StartsBlock)
                    continue;
                return _current.Take(i).Sum(Cost) >= options.TargetTokens * ParagraphBreakMinimumFill ? i : _current.Count;
            }
            return _current.Count;
        }

        /// <summary>Whole sentences from the end within the overlap budget (one slightly larger one is allowed).</summary>
        private List<Unit> OverlapTail(List<Unit> closed)
        {
            var tail = new List<Unit>();
            var tokens = 0;
            for (var i = closed.Count - 1; i >= 0 && tokens + closed[i].Tokens <= _overlapBudget; i--)
            {
                tail.Insert(0, closed[i]);
                tokens += closed[i].Tokens;
            }
            if (tail.Count == 0 && closed.Count > 0 && closed[^1].Tokens <= 2 * _overlapBudget && _overlapBudget > 0)
                tail.Add(closed[^1]);
            return tail;
        }

        private void Emit(List<Unit> units)
        {
            var start = units[0].Start;
            var end = units[^1].End;
            var text = fullText[start..end];
            var pages = units.Where(u => u.Page is not null).Select(u => u.Page!.Value).ToList();
            var own = units.Count > _carried ? units[_carried] : units[0];
            _chunks.Add(new TextChunk(
                _chunks.Count, text, tokenCounter.CountTokens(text),
                pages.Count == 0 ? null : pages.Min(), pages.Count == 0 ? null : pages.Max(),
                own.HeadingPath, start, end, PageBreaks(units, start)));
        }

        /// <summary>Where in the chunk's text each unit on a later page than the one before it begins.</summary>
        private static List<PageBreak>? PageBreaks(List<Unit> units, int chunkStart)
        {
            List<PageBreak>? breaks = null;
            int? page = null;
            foreach (var unit in units.Where(u => u.Page is not null))
            {
                if (page is not null && unit.Page > page)
                    (breaks ??= []).Add(new PageBreak(unit.Start - chunkStart, unit.Page!.Value));
                page = unit.Page;
            }
            return breaks;
        }
    }
}
