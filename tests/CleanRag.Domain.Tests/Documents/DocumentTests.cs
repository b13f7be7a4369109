using CleanRag.Domain.Common;
using CleanRag.Domain.Documents;

namespace CleanRag.Domain.Tests.Documents;

public class DocumentTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A document whose first version ("hash-1") went through ingestion to "indexed".</summary>
    private static Document Indexed()
    {
        var document = new Document();
        foreach (var e in Document.Upload(Guid.NewGuid(), Guid.NewGuid(), "plan.txt", "text/plain", 10, "hash-1", Guid.NewGuid(), Now))
            document.ApplyEvent(e);
        document.ApplyEvent(document.QueueIngestion(Now));
        document.ApplyEvent(document.StartProcessing(1, Now));
        document.ApplyEvent(document.MarkIndexed(1, chunkCount: 3, pageCount: null, reused: false, Now));
        return document;
    }

    private static void Apply(Document document, IEnumerable<IDomainEvent> events)
    {
        foreach (var e in events)
            document.ApplyEvent(e);
    }

    [Test]
    public void An_indexed_document_whose_index_entries_were_lost_is_queued_to_be_indexed_again_without_reusing_them()
    {
        var document = Indexed();

        var events = document.RecordIndexLost(Now);
        Apply(document, events);

        events.Should().HaveCount(2);
        events[0].Should().BeOfType<DocumentIndexLost>().Which.Version.Should().Be(1);
        events[1].Should().BeOfType<DocumentIngestionQueued>().Which.Version.Should().Be(1);
        document.Status.Should().Be(DocumentStatus.Queued);
        document.ExpectedInIndex.Should().BeFalse();
        document.ContentUnchangedSinceIndexed.Should().BeFalse("the ingestion must extract and index the content again, not reuse what was lost");
    }

    [Test]
    public void A_document_already_queued_is_only_recorded_as_lost_its_queued_ingestion_indexes_it()
    {
        var document = Indexed();
        Apply(document, [document.QueueIngestion(Now)]); // e.g. a sync of the same content

        var events = document.RecordIndexLost(Now);

        events.Should().ContainSingle().Which.Should().BeOfType<DocumentIndexLost>();
        Apply(document, events);
        document.Status.Should().Be(DocumentStatus.Queued);
        document.ContentUnchangedSinceIndexed.Should().BeFalse();
    }

    [Test]
    public void A_document_never_indexed_or_deleted_has_nothing_the_index_could_lose()
    {
        var uploaded = new Document();
        Apply(uploaded, Document.Upload(Guid.NewGuid(), Guid.NewGuid(), "a.txt", "text/plain", 1, "h", Guid.NewGuid(), Now));
        var deleted = Indexed();
        Apply(deleted, [deleted.Delete(Guid.NewGuid(), Now)]);

        uploaded.ExpectedInIndex.Should().BeFalse();
        deleted.ExpectedInIndex.Should().BeFalse();
        uploaded.Invoking(d => d.RecordIndexLost(Now)).Should().Throw<DomainRuleViolationException>();
    }
}
