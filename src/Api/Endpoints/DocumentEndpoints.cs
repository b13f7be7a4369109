using CleanRag.Application.Documents.ConfirmUpload;
using CleanRag.Application.Documents.CreateReplaceUrl;
using CleanRag.Application.Documents.CreateUploadUrls;
using CleanRag.Application.Documents.DeleteDocument;
using CleanRag.Application.Documents.GetPreviewUrl;
using CleanRag.Application.Documents.ListDocuments;
using CleanRag.Application.Documents.ListDocumentVersions;
using CleanRag.Application.Documents.OpenFile;
using CleanRag.Application.Documents.ReceiveUpload;
using CleanRag.Application.Documents.SyncDocuments;
using CleanRag.Application.Documents.UploadDocuments;
using Mediator;

namespace CleanRag.Api.Endpoints;

internal static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var documents = app.MapGroup("/v1/projects/{projectId:guid}/documents").WithTags("Documents");

        documents.MapPost("/", async (Guid projectId, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                if (!request.HasFormContentType)
                    throw new BadHttpRequestException("Send the files as multipart/form-data (field 'files').", StatusCodes.Status415UnsupportedMediaType);
                var form = await request.ReadFormAsync(ct);
                var files = form.Files
                    .Select(f => new IncomingFile(f.FileName, f.ContentType, f.Length, f.OpenReadStream))
                    .ToList();
                return Results.Json(await mediator.Send(new UploadDocumentsCommand(projectId, files), ct), statusCode: StatusCodes.Status201Created);
            })
            .DisableAntiforgery()
            .WithSummary("Upload one or many files (multipart); each becomes a document record.");

        documents.MapGet("/", async (Guid projectId, IMediator mediator, CancellationToken ct) =>
            Results.Ok(await mediator.Send(new ListDocumentsQuery(projectId), ct)));

        documents.MapPost("/sync", async (Guid projectId, IMediator mediator, CancellationToken ct) =>
                Results.Json(await mediator.Send(new SyncDocumentsCommand(projectId), ct), statusCode: StatusCodes.Status202Accepted))
            .WithSummary("Queue ingestion (extract → chunk → embed → index) of every document not indexed at its newest version.");

        documents.MapPost("/upload-url", async (Guid projectId, UploadUrlRequest body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var links = await mediator.Send(new CreateUploadUrlsCommand(projectId, [new PlannedUpload(body.Filename!, body.ContentType)]), ct);
                return Results.Ok(UploadUrlResponse.From(links[0], request));
            })
            .WithSummary("A one-time, 15-minute URL to PUT one file's bytes to; then confirm.");

        documents.MapPost("/bulk-upload-url", async (Guid projectId, BulkUploadUrlRequest body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                // A null entry stays null, for validation to name it.
                var planned = (body.Files ?? []).Select(f => f is null ? null! : new PlannedUpload(f.Filename!, f.ContentType)).ToList();
                var links = await mediator.Send(new CreateUploadUrlsCommand(projectId, planned), ct);
                return Results.Ok(links.Select(l => UploadUrlResponse.From(l, request)));
            });

        documents.MapPost("/{documentId:guid}/confirm", async (Guid projectId, Guid documentId, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new ConfirmUploadCommand(projectId, documentId), ct)))
            .WithSummary("Verify the bytes arrived and mark the document (version) uploaded.");

        documents.MapPost("/{documentId:guid}/replace-url",
                async (Guid projectId, Guid documentId, ReplaceUrlRequest? body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
                {
                    var link = await mediator.Send(new CreateReplaceUrlCommand(projectId, documentId, body?.Filename, body?.ContentType), ct);
                    return Results.Ok(UploadUrlResponse.From(link, request));
                })
            .WithSummary("A URL to PUT a new version's bytes to; confirm it like an upload.");

        documents.MapGet("/{documentId:guid}/versions", async (Guid projectId, Guid documentId, IMediator mediator, CancellationToken ct) =>
            Results.Ok(await mediator.Send(new ListDocumentVersionsQuery(projectId, documentId), ct)));

        documents.MapGet("/{documentId:guid}/preview-url", async (Guid projectId, Guid documentId, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var link = await mediator.Send(new GetPreviewUrlQuery(projectId, documentId), ct);
                return Results.Ok(new { link.DocumentId, link.Version, url = $"{BaseUrl(request)}/v1/files/{link.Token}", link.ExpiresAt });
            })
            .WithSummary("A signed, 5-minute URL to download the document's current version.");

        documents.MapDelete("/{documentId:guid}", async (Guid projectId, Guid documentId, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteDocumentCommand(projectId, documentId), ct);
                return Results.NoContent();
            })
            .WithSummary("Delete a document: its blob and index entries go, its event history stays.");

        // Signed links: the token is the authorization.
        app.MapPut("/v1/uploads/{token}", async (string token, HttpRequest request, IMediator mediator, CancellationToken ct) =>
                Results.Ok(await mediator.Send(new ReceiveUploadCommand(token, request.Body), ct)))
            .WithTags("Documents")
            .WithSummary("Receive the bytes for a signed upload URL (single use).");

        app.MapGet("/v1/files/{token}", async (string token, IMediator mediator, CancellationToken ct) =>
            {
                var file = await mediator.Send(new OpenFileQuery(token), ct);
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .WithTags("Documents")
            .WithSummary("Download a file through a signed preview URL.");
        return app;
    }

    private static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    private sealed record UploadUrlRequest(string? Filename, string? ContentType);

    private sealed record BulkUploadUrlRequest(IReadOnlyList<UploadUrlRequest>? Files);

    private sealed record ReplaceUrlRequest(string? Filename, string? ContentType);

    private sealed record UploadUrlResponse(Guid DocumentId, int Version, string Filename, string UploadUrl, string Method, DateTimeOffset ExpiresAt)
    {
        public static UploadUrlResponse From(UploadLink link, HttpRequest request) =>
            new(link.DocumentId, link.Version, link.FileName, $"{BaseUrl(request)}/v1/uploads/{link.Token}", "PUT", link.ExpiresAt);
    }
}
