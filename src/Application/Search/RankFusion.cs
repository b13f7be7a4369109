namespace CleanRag.Application.Search;

/// <summary>A chunk as one retrieval signal (BM25 or vector) ranked it, best first.</summary>
public sealed record RankedCandidate(IndexedChunk Chunk, double Score);

/// <summary>
/// Fuses the ranked lists of the lexical and vector signals into one ranking. Shared by every engine
/// so they rank identically. Each signal contributes only its top <see cref="FusionOptions.WindowPerSignal"/>.
/// </summary>
public static class RankFusion
{
    public static IReadOnlyList<SearchHit> Fuse(
        IReadOnlyList<RankedCandidate> lexical, IReadOnlyList<RankedCandidate> vector, FusionOptions options, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        // A weight outside [0, 1] would reward a signal for ranking a chunk badly.
        if (!(options.LexicalWeight is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(options), options.LexicalWeight, "LexicalWeight must be between 0 and 1.");
        var lexicalWindow = lexical.Take(options.WindowPerSignal).ToList();
        var vectorWindow = vector.Take(options.WindowPerSignal).ToList();

        var fused = new Dictionary<string, Accumulator>(StringComparer.Ordinal);
        Accumulate(lexicalWindow, fused, isLexical: true);
        Accumulate(vectorWindow, fused, isLexical: false);

        var lexicalRange = ScoreRange(lexicalWindow);
        var vectorRange = ScoreRange(vectorWindow);
        foreach (var entry in fused.Values)
        {
            entry.Fused = options.Method switch
            {
                FusionMethod.ReciprocalRank =>
                    Reciprocal(entry.Lexical, options.RrfK) + Reciprocal(entry.Vector, options.RrfK),
                FusionMethod.WeightedConvex =>
                    options.LexicalWeight * Normalised(entry.Lexical, lexicalRange)
                    + (1 - options.LexicalWeight) * Normalised(entry.Vector, vectorRange),
                _ => throw new ArgumentOutOfRangeException(nameof(options), options.Method, "Unknown fusion method."),
            };
        }

        // Ties: the better single-signal rank first, then the chunk id, so results are deterministic.
        return fused.Values
            .OrderByDescending(e => e.Fused)
            .ThenBy(e => Math.Min(e.Lexical?.Rank ?? int.MaxValue, e.Vector?.Rank ?? int.MaxValue))
            .ThenBy(e => e.Chunk.ChunkId, StringComparer.Ordinal)
            .Take(k)
            .Select(e => new SearchHit(e.Chunk, e.Fused, e.Lexical, e.Vector))
            .ToList();
    }

    private static void Accumulate(List<RankedCandidate> ranked, Dictionary<string, Accumulator> fused, bool isLexical)
    {
        for (var i = 0; i < ranked.Count; i++)
        {
            var candidate = ranked[i];
            if (!fused.TryGetValue(candidate.Chunk.ChunkId, out var entry))
                fused[candidate.Chunk.ChunkId] = entry = new Accumulator(candidate.Chunk);
            var signal = new SignalScore(i + 1, candidate.Score);
            if (isLexical)
                entry.Lexical ??= signal;
            else
                entry.Vector ??= signal;
        }
    }

    private static double Reciprocal(SignalScore? signal, int rrfK) => signal is null ? 0 : 1.0 / (rrfK + signal.Rank);

    private static (double Min, double Max) ScoreRange(List<RankedCandidate> ranked) =>
        ranked.Count == 0 ? (0, 0) : (ranked.Min(c => c.Score), ranked.Max(c => c.Score));

    private static double Normalised(SignalScore? signal, (double Min, double Max) range) =>
        signal is null ? 0
        : range.Max - range.Min < 1e-12 ? 1
        : (signal.Score - range.Min) / (range.Max - range.Min);

    private sealed class Accumulator(IndexedChunk chunk)
    {
        public IndexedChunk Chunk { get; } = chunk;
        public SignalScore? Lexical { get; set; }
        public SignalScore? Vector { get; set; }
        public double Fused { get; set; }
    }
}
