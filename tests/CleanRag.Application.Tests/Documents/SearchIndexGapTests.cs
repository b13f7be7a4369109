using CleanRag.Application.Documents;
using CleanRag.Application.Documents.RestoreSearchIndex;
using CleanRag.Application.Search;
using CleanRag.Domain.Documents;

namespace CleanRag.Application.Tests.Documents;

public class SearchIndexGapTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private static Document Uploaded(out Guid documentId)
    {
        documentId = Guid.NewGuid();
        var document = new Document();
        foreach (var e in Document.Upload(documentId, Guid.NewGuid(), "plan.txt", "text/plain", 10, "hash-1", Guid.NewGuid(), Now))
            document.ApplyEvent(e);
        return document;
    }

    private static void Index(Document document, int version)
    {
        document.ApplyEvent(document.QueueIngestion(Now));
        document.ApplyEvent(document.StartProcessing(version, Now));
        document.ApplyEvent(document.MarkIndexed(version, 2, null, false, Now));
    }

    private static DocumentDetails Details(Guid id, DocumentStatus status, int fileVersion) =>
        new() { Id = id, Status = status, FileVersion = fileVersion };

    [Test]
    public void An_indexed_document_is_missing_when_the_index_lacks_its_indexed_version()
    {
        var document = Uploaded(out var id);
        Index(document, 1);

        SearchIndexGap.IsMissing(document, IndexedDocumentVersions.None).Should().BeTrue();
        SearchIndexGap.IsMissing(document, new IndexedDocumentVersions([(id, 1)])).Should().BeFalse();
        SearchIndexGap.IsMissing(document, new IndexedDocumentVersions([(id, 2), (Guid.NewGuid(), 1)])).Should().BeTrue();
    }

    [Test]
    public void A_newer_version_waiting_for_ingestion_leaves_the_older_indexed_version_expected_in_the_index()
    {
        var document = Uploaded(out var id);
        Index(document, 1);
        document.ApplyEvent(document.RequestNewVersion("plan.txt", "text/plain"));
        document.ApplyEvent(document.ConfirmUpload(12, "hash-2", Now));

        document.Status.Should().Be(DocumentStatus.Uploaded);
        SearchIndexGap.IsMissing(document, IndexedDocumentVersions.None).Should().BeTrue();
        SearchIndexGap.IsMissing(document, new IndexedDocumentVersions([(id, 1)])).Should().BeFalse();
    }

    [Test]
    public void A_document_never_indexed_or_already_recorded_as_lost_is_not_missing()
    {
        var never = Uploaded(out _);
        var lost = Uploaded(out _);
        Index(lost, 1);
        foreach (var e in lost.RecordIndexLost(Now))
            lost.ApplyEvent(e);

        SearchIndexGap.IsMissing(never, IndexedDocumentVersions.None).Should().BeFalse();
        SearchIndexGap.IsMissing(lost, IndexedDocumentVersions.None).Should().BeFalse("a restart while it is indexed again must not queue it twice");
    }

    [Test]
    public void The_read_model_clears_indexed_documents_the_index_holds_and_leaves_the_others_to_their_aggregate()
    {
        var id = Guid.NewGuid();
        var held = new IndexedDocumentVersions([(id, 2)]);

        SearchIndexGap.MayBeMissing(Details(id, DocumentStatus.Indexed, 2), held).Should().BeFalse();
        SearchIndexGap.MayBeMissing(Details(id, DocumentStatus.Indexed, 3), held).Should().BeTrue();
        SearchIndexGap.MayBeMissing(Details(Guid.NewGuid(), DocumentStatus.Indexed, 1), held).Should().BeTrue();
        SearchIndexGap.MayBeMissing(Details(id, DocumentStatus.Failed, 3), held).Should().BeTrue();
        SearchIndexGap.MayBeMissing(Details(id, DocumentStatus.Processing, 3), held).Should().BeTrue();
        SearchIndexGap.MayBeMissing(Details(Guid.NewGuid(), DocumentStatus.PendingUpload, 0), IndexedDocumentVersions.None).Should().BeFalse();
        SearchIndexGap.MayBeMissing(Details(Guid.NewGuid(), DocumentStatus.Deleted, 1), IndexedDocumentVersions.None).Should().BeFalse();
    }
}
