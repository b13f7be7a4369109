using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Documents;
using CleanRag.Domain.Conversations;
using CleanRag.Domain.Documents;

namespace CleanRag.Application.Chat.Answering;

/// <summary>
/// Citation links: the source URL when the document has one, else a preview ticket for the document's file, served by
/// <c>GET /v1/files/{token}</c>. The ticket lives <see cref="DocumentOptions.CitationLinkLifetime"/> (a day by default,
/// not the dashboard preview's minutes): visitors reread a chat, and the link is the only authorization the file needs.
/// </summary>
public sealed class SignedCitationLinks(
    IRequestContext context, IReadStore readStore, ISignedLinks links, IPublicAddress address, DocumentOptions options, TimeProvider clock)
    : ICitationLinks
{
    /// <summary>The route of <c>DocumentEndpoints</c> that opens a file through a signed preview token.</summary>
    public const string FileRoute = "/v1/files/";

    public async Task<IReadOnlyList<string?>> UrlsOfAsync(Guid projectId, IReadOnlyList<CitedSource> sources, CancellationToken cancellationToken)
    {
        var needFiles = sources.Where(s => s.SourceUrl is not { Length: > 0 }).Select(s => s.DocumentId).ToHashSet();
        var documents = needFiles.Count == 0
            ? new Dictionary<Guid, DocumentDetails>()
            : (await readStore.LoadManyAsync<DocumentDetails>(needFiles, cancellationToken)).ToDictionary(d => d.Id);
        return UrlsOf(projectId, sources, documents);
    }

    public IReadOnlyList<string?> UrlsOf(Guid projectId, IReadOnlyList<CitedSource> sources, IReadOnlyDictionary<Guid, DocumentDetails> documents) =>
        [.. sources.Select(source => UrlOf(projectId, source, documents.GetValueOrDefault(source.DocumentId)))];

    private string? UrlOf(Guid projectId, CitedSource source, DocumentDetails? document)
    {
        if (source.SourceUrl is { Length: > 0 } sourceUrl)
            return sourceUrl;
        if (document is null || document.ProjectId != projectId || document.Status == DocumentStatus.Deleted || document.ContentHash is null)
            return null;
        var token = links.Create(new FileTicket(FileTicketPurpose.Preview, context.TenantId, projectId, document.Id, document.FileVersion,
            clock.GetUtcNow() + options.CitationLinkLifetime, document.ContentHash));
        // Browsers' PDF viewers open the file at the fragment's page; other files ignore it.
        var page = source.PageNumber is { } number ? $"#page={number}" : "";
        return $"{address.BaseUrl}{FileRoute}{token}{page}";
    }
}
