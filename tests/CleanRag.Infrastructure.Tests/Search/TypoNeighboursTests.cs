using CleanRag.Infrastructure.Search.Lucene;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace CleanRag.Infrastructure.Tests.Search;

public sealed class TypoNeighboursTests
{
    private const string ContentField = "content";

    [Test]
    public void Offers_the_same_words_with_the_same_weights_as_Lucenes_FuzzyQuery()
    {
        // Short words over a five-letter alphabet: crowded neighbourhoods, so distances, transpositions, the similarity
        // cut-off and ties between equally close words are all exercised. Three segments share some of the words.
        var random = new Random(7);
        string Word() => new([.. Enumerable.Range(0, random.Next(2, 9)).Select(_ => "abcde"[random.Next(5)])]);
        var segments = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, 400).Select(_ => Word()).ToList()).ToList();
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))))
        {
            foreach (var words in segments)
            {
                foreach (var chunk in words.Chunk(20))
                    writer.AddDocument([new TextField(ContentField, string.Join(' ', chunk), Field.Store.NO)]);
                writer.Commit();
            }
        }
        using var reader = DirectoryReader.Open(directory);
        reader.Leaves.Count.Should().Be(3);
        var vocabulary = segments.SelectMany(w => w).ToHashSet();
        var misspelt = Enumerable.Range(0, 2000).Select(_ => Word()).Where(w => !vocabulary.Contains(w)).Distinct().Take(300).ToList();

        var compared = 0;
        foreach (var word in misspelt)
        {
            foreach (var maxEdits in new[] { 1, 2 })
            {
                var expected = Clauses(new FuzzyQuery(new Term(ContentField, word), maxEdits, prefixLength: 1, maxExpansions: 3, transpositions: true)
                    { Boost = 0.5f }.Rewrite(reader));
                var actual = Clauses(TypoNeighbours.Expand(reader, ContentField, word, maxEdits, maxExpansions: 3, boost: 0.5f));
                actual.Should().BeEquivalentTo(expected, $"the neighbours of '{word}' within {maxEdits} edit(s)");
                compared += expected.Count;
            }
        }
        compared.Should().BeGreaterThan(900, "most misspelt words have neighbours, or the comparison proves little");
    }

    [Test]
    public void A_word_with_no_close_word_in_the_index_has_no_expansion()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))))
            writer.AddDocument([new TextField(ContentField, "hearing services", Field.Store.NO)]);
        using var reader = DirectoryReader.Open(directory);

        TypoNeighbours.Expand(reader, ContentField, "parking", 2, 3, 1f).Should().BeNull();
        // The first letter is kept: "earing" is one edit from "hearing" but starts with another letter.
        TypoNeighbours.Expand(reader, ContentField, "earing", 2, 3, 1f).Should().BeNull();
        Clauses(TypoNeighbours.Expand(reader, ContentField, "servise", 2, 3, 1f)).Select(c => c.Word).Should().Equal("services");
    }

    [TestCase("hearin", "hearing", 1)]
    [TestCase("shuold", "should", 1)]
    [TestCase("servises", "services", 1)]
    [TestCase("typs", "types", 1)]
    [TestCase("ab", "ba", 1)]
    [TestCase("abcdef", "badcfe", 3)]
    [TestCase("kitten", "sitting", 3)]
    public void Counts_adjacent_transpositions_as_one_edit(string source, string target, int distance)
    {
        TypoNeighbours.BoundedDistance(source, target, bound: 3).Should().Be(distance);
        TypoNeighbours.BoundedDistance(target, source, bound: 3).Should().Be(distance);
    }

    [Test]
    public void Stops_once_the_bound_is_passed()
    {
        TypoNeighbours.BoundedDistance("kitten", "sitting", bound: 2).Should().BeGreaterThan(2);
        TypoNeighbours.BoundedDistance("a", "abcd", bound: 2).Should().BeGreaterThan(2);
    }

    private static List<(string Word, float Boost)> Clauses(Query? query) =>
        query is null
            ? []
            : [.. ((BooleanQuery)query).Clauses.Select(c => ((TermQuery)c.Query) switch { var term => (term.Term.Text, term.Boost * query.Boost) })];
}
