using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace CleanRag.Infrastructure.Search.Lucene;

/// <summary>
/// The typo expansion of a query word no chunk holds ("servises"): the few closest words of the index's own vocabulary,
/// each a term query weighted by its similarity — the words and weights Lucene's <see cref="FuzzyQuery"/> gives with its
/// default rewrite (the top terms by similarity 1 − edits ÷ the shorter length, ties to the lower word; Damerau-Levenshtein
/// distance with adjacent transpositions; the first letter kept).
/// <para>
/// Found without FuzzyQuery's cost, which was most of the BM25 query time whenever a question held such a word
/// (docs/benchmarks.md, "Engine speed"): it compiles Levenshtein automata for every query and walks every segment's
/// terms dictionary with them. Here each segment's words are listed once, bucketed by first letter and length (a segment
/// never changes, so the list lives as long as the segment does), and a query compares its word with the few words of
/// the buckets within reach by a distance computation that stops once the bound is passed.
/// </para>
/// </summary>
internal static class TypoNeighbours
{
    private const int PrefixLength = 1;

    /// <summary>Per segment core (shared by every reader of the segment, whatever its deletions), collected with it.</summary>
    private static readonly ConditionalWeakTable<object, SegmentVocabulary> Vocabularies = new();

    /// <summary>
    /// Up to <paramref name="maxExpansions"/> words of <paramref name="field"/> within <paramref name="maxEdits"/> edits of
    /// <paramref name="word"/> and sharing its first letter, as SHOULD term queries boosted by similarity × <paramref name="boost"/>;
    /// null when there is none.
    /// </summary>
    public static Query? Expand(IndexReader reader, string field, string word, int maxEdits, int maxExpansions, float boost)
    {
        if (word.Length <= PrefixLength)
            return null;
        var similarities = new Dictionary<string, float>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            var vocabulary = Vocabularies.GetValue(leaf.AtomicReader.CoreCacheKey, _ => SegmentVocabulary.Read(leaf.AtomicReader, field));
            vocabulary.CollectNeighbours(word, maxEdits, similarities);
        }
        if (similarities.Count == 0)
            return null;

        var expansion = new BooleanQuery(disableCoord: true);
        foreach (var (neighbour, similarity) in similarities
                     .OrderByDescending(s => s.Value)
                     .ThenBy(s => s.Key, StringComparer.Ordinal)
                     .Take(maxExpansions))
            expansion.Add(new TermQuery(new Term(field, neighbour)) { Boost = boost * similarity }, Occur.SHOULD);
        return expansion;
    }

    /// <summary>One segment's words of a field, by first letter and length.</summary>
    private sealed class SegmentVocabulary(Dictionary<(char First, int Length), string[]> buckets)
    {
        public static SegmentVocabulary Read(AtomicReader segment, string field)
        {
            var buckets = new Dictionary<(char, int), List<string>>();
            if (segment.GetTerms(field) is { } terms)
            {
                var termsEnum = terms.GetEnumerator();
                while (termsEnum.MoveNext())
                {
                    var word = termsEnum.Term.Utf8ToString();
                    // Lengths are counted in UTF-16 units; a word outside the Basic Multilingual Plane is never offered.
                    if (word.Length <= PrefixLength || word.Any(char.IsSurrogate))
                        continue;
                    var key = (word[0], word.Length);
                    if (!buckets.TryGetValue(key, out var bucket))
                        buckets[key] = bucket = [];
                    bucket.Add(word);
                }
            }
            return new SegmentVocabulary(buckets.ToDictionary(b => b.Key, b => b.Value.ToArray()));
        }

        public void CollectNeighbours(string word, int maxEdits, Dictionary<string, float> similarities)
        {
            for (var length = Math.Max(PrefixLength + 1, word.Length - maxEdits); length <= word.Length + maxEdits; length++)
            {
                if (!buckets.TryGetValue((word[0], length), out var bucket))
                    continue;
                foreach (var candidate in bucket)
                {
                    var edits = BoundedDistance(word.AsSpan(PrefixLength), candidate.AsSpan(PrefixLength), maxEdits);
                    // As FuzzyQuery: a word is offered only when it is similar at all (fewer edits than the shorter length).
                    var shorter = Math.Min(word.Length, candidate.Length);
                    if (edits > maxEdits || edits >= shorter)
                        continue;
                    similarities[candidate] = 1f - (float)edits / shorter;
                }
            }
        }
    }

    /// <summary>
    /// The optimal-string-alignment distance (insertions, deletions, substitutions and transpositions of adjacent letters,
    /// as Lucene's Levenshtein automata with transpositions count them) when it is at most <paramref name="bound"/>;
    /// otherwise some value above the bound, found as soon as every alignment has passed it.
    /// </summary>
    internal static int BoundedDistance(ReadOnlySpan<char> source, ReadOnlySpan<char> target, int bound)
    {
        if (Math.Abs(source.Length - target.Length) > bound)
            return bound + 1;
        var width = target.Length + 1;
        Span<int> beforePrevious = stackalloc int[width];
        Span<int> previous = stackalloc int[width];
        Span<int> current = stackalloc int[width];
        for (var j = 0; j < width; j++)
            previous[j] = j;
        for (var i = 1; i <= source.Length; i++)
        {
            current[0] = i;
            var rowMinimum = i;
            for (var j = 1; j < width; j++)
            {
                var cost = source[i - 1] == target[j - 1] ? 0 : 1;
                var distance = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && source[i - 1] == target[j - 2] && source[i - 2] == target[j - 1])
                    distance = Math.Min(distance, beforePrevious[j - 2] + 1);
                current[j] = distance;
                rowMinimum = Math.Min(rowMinimum, distance);
            }
            if (rowMinimum > bound)
                return bound + 1;
            var recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }
        return previous[width - 1];
    }
}
