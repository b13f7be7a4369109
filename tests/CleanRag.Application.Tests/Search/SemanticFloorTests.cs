using CleanRag.Application.Search;

namespace CleanRag.Application.Tests.Search;

public class SemanticFloorTests
{
    private const string MiniLm = SemanticFloor.MiniLmModelId;

    [Test]
    public void With_the_local_model_a_question_no_chunk_comes_close_to_is_off_topic() =>
        SemanticFloor.Clears(MiniLm, [Hit(vector: 0.26, lexical: 12.5), Hit(vector: 0.1, lexical: null)]).Should().BeFalse(
            "sharing words with a passage is not being on topic");

    [Test]
    public void With_the_local_model_one_close_chunk_makes_the_question_on_topic() =>
        SemanticFloor.Clears(MiniLm, [Hit(vector: 0.1, lexical: 3), Hit(vector: SemanticFloor.MiniLm, lexical: null)]).Should().BeTrue();

    [Test]
    public void Lexical_hits_alone_never_clear_a_semantic_floor() =>
        SemanticFloor.Clears(MiniLm, [Hit(vector: null, lexical: 25)]).Should().BeFalse();

    [TestCase("cleanrag-hashing-v1-384")]
    [TestCase("text-embedding-3-small")]
    [TestCase(null)]
    public void Embedders_without_a_measured_floor_refuse_nothing_here(string? modelId) =>
        SemanticFloor.Clears(modelId, [Hit(vector: 0.01, lexical: null)]).Should().BeTrue();

    private static SearchHit Hit(double? vector, double? lexical) =>
        new(new IndexedChunk(Guid.NewGuid().ToString("N"), Guid.NewGuid(), 1, "doc.pdf", "text", null, 1, 1, 0, 4, ReadOnlyMemory<float>.Empty),
            0.5, lexical is { } l ? new SignalScore(1, l) : null, vector is { } v ? new SignalScore(1, v) : null);
}
