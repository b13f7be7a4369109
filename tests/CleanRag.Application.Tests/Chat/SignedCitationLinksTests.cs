using CleanRag.Application.Chat.Answering;
using CleanRag.Application.Common;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Documents;
using CleanRag.Domain.Conversations;
using CleanRag.Domain.Documents;

namespace CleanRag.Application.Tests.Chat;

public class SignedCitationLinksTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid TenantId = Guid.NewGuid();
    private static readonly Guid ProjectId = Guid.NewGuid();

    [Test]
    public async Task A_source_with_its_own_address_links_there_as_given()
    {
        var (links, signer) = Links(Document());
        var source = Source(page: 4) with { SourceUrl = "https://help.example.com/plans/plus" };

        (await links.UrlsOfAsync(ProjectId, [source], CancellationToken.None)).Single().Should().Be("https://help.example.com/plans/plus");
        signer.Tickets.Should().BeEmpty("no file link is needed");
    }

    [Test]
    public async Task Otherwise_a_source_links_to_a_signed_preview_of_its_file_at_the_cited_page()
    {
        var document = Document();
        var (links, signer) = Links(document, lifetime: TimeSpan.FromHours(6));

        var url = (await links.UrlsOfAsync(ProjectId, [Source(page: 7)], CancellationToken.None)).Single();

        url.Should().Be("https://api.cleanrag.test/v1/files/token-1#page=7");
        signer.Tickets.Should().ContainSingle().Which.Should().Be(new FileTicket(
            FileTicketPurpose.Preview, TenantId, ProjectId, document.Id, document.FileVersion, Now.AddHours(6), document.ContentHash));
    }

    [Test]
    public async Task A_source_without_a_page_links_to_the_file_without_a_fragment()
    {
        var (links, _) = Links(Document());

        (await links.UrlsOfAsync(ProjectId, [Source(page: null)], CancellationToken.None)).Single().Should().Be("https://api.cleanrag.test/v1/files/token-1");
    }

    [Test]
    public async Task A_deleted_document_or_one_of_another_project_has_no_link()
    {
        var (deleted, _) = Links(Document(DocumentStatus.Deleted));
        var (elsewhere, signer) = Links(Document(projectId: Guid.NewGuid()));

        (await deleted.UrlsOfAsync(ProjectId, [Source(page: 1)], CancellationToken.None)).Single().Should().BeNull();
        (await elsewhere.UrlsOfAsync(ProjectId, [Source(page: 1)], CancellationToken.None)).Single().Should().BeNull();
        signer.Tickets.Should().BeEmpty();
    }

    private static readonly Guid DocumentId = Guid.NewGuid();

    private static CitedSource Source(int? page) => new(1, DocumentId, "plan.pdf", "Glasses are covered…", page, 0.8);

    private static DocumentDetails Document(DocumentStatus status = DocumentStatus.Indexed, Guid? projectId = null) => new()
    {
        Id = DocumentId, ProjectId = projectId ?? ProjectId, FileName = "plan.pdf", Status = status, FileVersion = 2, ContentHash = "sha256-abc",
    };

    private static (SignedCitationLinks Links, RecordingSigner Signer) Links(DocumentDetails document, TimeSpan? lifetime = null)
    {
        var context = new RequestContext();
        context.SetAnonymousTenant(TenantId);
        var signer = new RecordingSigner();
        var options = new DocumentOptions();
        if (lifetime is { } configured)
            options.CitationLinkLifetime = configured;
        return (new SignedCitationLinks(context, new OneDocument(document), signer, new FixedAddress(), options, new FixedClock()), signer);
    }

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class FixedAddress : IPublicAddress
    {
        public string BaseUrl => "https://api.cleanrag.test";
    }

    /// <summary>Hands out token-1, token-2, … and keeps the tickets it signed.</summary>
    private sealed class RecordingSigner : ISignedLinks
    {
        public List<FileTicket> Tickets { get; } = [];

        public string Create(FileTicket ticket)
        {
            Tickets.Add(ticket);
            return $"token-{Tickets.Count}";
        }

        public FileTicket? Read(string token, FileTicketPurpose purpose) => throw new NotSupportedException();
    }

    private sealed class OneDocument(DocumentDetails document) : IReadStore
    {
        public Task<T?> LoadAsync<T>(Guid id, CancellationToken cancellationToken) where T : class =>
            Task.FromResult(id == document.Id ? document as T : null);

        public Task<T?> LoadAsync<T>(string id, CancellationToken cancellationToken) where T : class => throw new NotSupportedException();

        public Task<IReadOnlyList<T>> LoadManyAsync<T>(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) where T : class =>
            Task.FromResult<IReadOnlyList<T>>([.. new[] { document }.Where(d => ids.Contains(d.Id)).OfType<T>()]);

        public Task<IReadOnlyList<T>> ListAsync<T>(Func<IQueryable<T>, IQueryable<T>> shape, CancellationToken cancellationToken) where T : class =>
            throw new NotSupportedException();
    }
}
