using CleanRag.Domain.Common;
using CleanRag.Domain.Documents;

namespace CleanRag.Domain.Tests.Documents;

/// <summary>A document from upload to index, through new versions, to deletion.</summary>
public class DocumentLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private static Document Uploaded()
    {
        var document = new Document();
        foreach (var e in Document.Upload(Guid.NewGuid(), Guid.NewGuid(), "plan.txt", "text/plain", 10, "hash-1", Guid.NewGuid(), Now))
            document.ApplyEvent(e);
        return document;
    }

    private static Document Registered()
    {
        var document = new Document();
        document.ApplyEvent(Document.Register(Guid.NewGuid(), Guid.NewGuid(), "plan.pdf", "application/pdf", Guid.NewGuid(), Now));
        return document;
    }

    private static void Index(Document document)
    {
        document.ApplyEvent(document.QueueIngestion(Now));
        document.ApplyEvent(document.StartProcessing(document.UploadedVersion, Now));
        document.ApplyEvent(document.MarkIndexed(document.UploadedVersion, chunkCount: 2, pageCount: null, reused: false, Now));
    }

    private static DomainRuleViolationException Refused(Func<object> decide) =>
        FluentActions.Invoking(decide).Should().Throw<DomainRuleViolationException>().Which;

    [Test]
    public void An_uploaded_document_needs_ingestion_and_an_indexed_one_does_not()
    {
        var document = Uploaded();
        document.NeedsIngestion.Should().BeTrue();

        Index(document);

        document.Status.Should().Be(DocumentStatus.Indexed);
        document.NeedsIngestion.Should().BeFalse();
        document.IndexedVersion.Should().Be(1);
    }

    [Test]
    public void A_registered_document_cannot_be_queued_before_its_bytes_are_confirmed()
    {
        var document = Registered();

        Refused(() => document.QueueIngestion(Now)).Code.Should().Be("not_uploaded");
        document.ApplyEvent(document.ConfirmUpload(100, "hash-1", Now));
        document.QueueIngestion(Now).Version.Should().Be(1);
    }

    [Test]
    public void There_is_nothing_to_confirm_when_no_upload_is_waiting()
    {
        Refused(() => Uploaded().ConfirmUpload(10, "hash-1", Now)).Code.Should().Be("nothing_to_confirm");
    }

    [Test]
    public void A_new_version_is_requested_only_once_the_previous_upload_is_confirmed()
    {
        var document = Uploaded();
        Index(document);

        var requested = document.RequestNewVersion("plan-v2.txt", "text/plain");
        requested.Version.Should().Be(2);
        document.ApplyEvent(requested);

        Refused(() => document.RequestNewVersion("plan-v3.txt", "text/plain")).Code.Should().Be("upload_pending");
        document.ApplyEvent(document.ConfirmUpload(12, "hash-2", Now));
        document.NeedsIngestion.Should().BeTrue("version 2 is uploaded but version 1 is what is indexed");
    }

    [Test]
    public void Unchanged_content_is_recognised_so_it_can_be_reused_instead_of_re_extracted()
    {
        var document = Uploaded();
        Index(document);
        document.ApplyEvent(document.RequestNewVersion("plan.txt", "text/plain"));
        document.ApplyEvent(document.ConfirmUpload(10, "hash-1", Now));

        document.ContentUnchangedSinceIndexed.Should().BeTrue();
    }

    [Test]
    public void A_failed_document_is_retried_by_the_next_sync()
    {
        var document = Uploaded();
        document.ApplyEvent(document.QueueIngestion(Now));
        document.ApplyEvent(document.MarkFailed(1, "corrupt_file", "The PDF could not be read.", Now));

        document.Status.Should().Be(DocumentStatus.Failed);
        document.NeedsIngestion.Should().BeTrue();
    }

    [Test]
    public void A_deleted_document_takes_no_further_change()
    {
        var document = Uploaded();
        document.ApplyEvent(document.Delete(Guid.NewGuid(), Now));

        document.IsDeleted.Should().BeTrue();
        Refused(() => document.Delete(Guid.NewGuid(), Now));
        Refused(() => document.QueueIngestion(Now));
        Refused(() => document.RequestNewVersion("x.txt", "text/plain"));
    }
}
