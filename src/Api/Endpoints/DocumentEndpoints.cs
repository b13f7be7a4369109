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
using CleanRag.Api.OpenApi;
using Mediator;

namespace CleanRag.Api.Endpoints;

internal static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        var documents = app.MapGroup("/v1/projects/{projectId:guid}/documents").WithTags("Documents")
            .RequireSignedInUser()
            .ProducesErrors(400, 401, 403, 404, 503);

        documents.MapPost("/", async (Guid projectId, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                if (!request.HasFormContentType)
                    throw new BadHttpRequestException("Send the files as multipart/form-data (field 'files').", StatusCodes.Status415UnsupportedMediaType);
                IFormCollection form;
                try
                {
                    form = await request.ReadFormAsync(ct);
                }
                catch (InvalidDataException exception)
                {
                    // The form parser's own limits (number of parts, field sizes): too much in one request.
                    throw new BadHttpRequestException(exception.Message, StatusCodes.Status413PayloadTooLarge, exception);
                }
                var files = form.Files
                    .Select(f => new IncomingFile(f.FileName, f.ContentType, f.Length, f.OpenReadStream))
                    .ToList();
                // Optional 'sourceUrl' fields, one per file in the order of the files.
                var sourceUrls = form["sourceUrl"].ToList();
                return TypedResults.Created((string?)null, await mediator.Send(new UploadDocumentsCommand(projectId, files, sourceUrls), ct));
            })
            .DisableAntiforgery()
            .Accepts<UploadForm>("multipart/form-data")
            .WithSummary("Upload one or many files (multipart); each becomes a document record.")
            .ProducesErrors(413, 415)
            .AllowApiKey();

        documents.MapGet("/", async (Guid projectId, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListDocumentsQuery(projectId), ct))).AllowApiKey();

        documents.MapPost("/sync", async (Guid projectId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Accepted((string?)null, await mediator.Send(new SyncDocumentsCommand(projectId), ct)))
            .WithSummary("Queue ingestion (extract → chunk → embed → index) of every document not indexed at its newest version.")
            .AllowApiKey();

        documents.MapPost("/upload-url", async (Guid projectId, UploadUrlRequest body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var links = await mediator.Send(
                    new CreateUploadUrlsCommand(projectId, [new PlannedUpload(body.Filename!, body.ContentType, body.SourceUrl)]), ct);
                return TypedResults.Ok(UploadUrlResponse.From(links[0], request));
            })
            .WithSummary("A one-time, 15-minute URL to PUT one file's bytes to; then confirm.")
            .AllowApiKey();

        documents.MapPost("/bulk-upload-url", async (Guid projectId, BulkUploadUrlRequest body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                // A null entry stays null, for validation to name it.
                var planned = (body.Files ?? []).Select(f => f is null ? null! : new PlannedUpload(f.Filename!, f.ContentType, f.SourceUrl)).ToList();
                var links = await mediator.Send(new CreateUploadUrlsCommand(projectId, planned), ct);
                return TypedResults.Ok(links.Select(l => UploadUrlResponse.From(l, request)));
            })
            .AllowApiKey();

        documents.MapPost("/{documentId:guid}/confirm", async (Guid projectId, Guid documentId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ConfirmUploadCommand(projectId, documentId), ct)))
            .WithSummary("Verify the bytes arrived and mark the document (version) uploaded.")
            .ProducesErrors(409)
            .AllowApiKey();

        documents.MapPost("/{documentId:guid}/replace-url",
                async (Guid projectId, Guid documentId, ReplaceUrlRequest? body, HttpRequest request, IMediator mediator, CancellationToken ct) =>
                {
                    var link = await mediator.Send(
                        new CreateReplaceUrlCommand(projectId, documentId, body?.Filename, body?.ContentType, body?.SourceUrl), ct);
                    return TypedResults.Ok(UploadUrlResponse.From(link, request));
                })
            .WithSummary("A URL to PUT a new version's bytes to; confirm it like an upload.")
            .AllowApiKey();

        documents.MapGet("/{documentId:guid}/versions", async (Guid projectId, Guid documentId, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new ListDocumentVersionsQuery(projectId, documentId), ct))).AllowApiKey();

        documents.MapGet("/{documentId:guid}/preview-url", async (Guid projectId, Guid documentId, HttpRequest request, IMediator mediator, CancellationToken ct) =>
            {
                var link = await mediator.Send(new GetPreviewUrlQuery(projectId, documentId), ct);
                return TypedResults.Ok(new PreviewUrlResponse(link.DocumentId, link.Version, $"{BaseUrl(request)}/v1/files/{link.Token}", link.ExpiresAt));
            })
            .WithSummary("A signed, 5-minute URL to download the document's current version.")
            .ProducesErrors(409)
            .AllowApiKey();

        documents.MapDelete("/{documentId:guid}", async (Guid projectId, Guid documentId, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteDocumentCommand(projectId, documentId), ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Delete a document: its blob and index entries go, its event history stays.")
            .ProducesErrors(409);

        // Signed links: the token is the authorization.
        app.MapPut("/v1/uploads/{token}", async (string token, HttpRequest request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ReceiveUploadCommand(token, request.Body), ct)))
            .WithTags("Documents")
            .Accepts<Stream>("application/octet-stream")
            .WithSummary("Receive the bytes for a signed upload URL (single use).")
            .ProducesErrors(400, 404, 409, 413, 503);

        app.MapGet("/v1/files/{token}", async (string token, IMediator mediator, CancellationToken ct) =>
            {
                var file = await mediator.Send(new OpenFileQuery(token), ct);
                return TypedResults.File(file.Content, file.ContentType, file.FileName);
            })
            .WithTags("Documents")
            .WithSummary("Download a file through a signed preview URL.")
            .Produces<Stream>(contentType: "application/octet-stream")
            .ProducesErrors(404, 503);
        return app;
    }

    private static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}";

    private sealed record UploadUrlRequest(string? Filename, string? ContentType, string? SourceUrl);

    private sealed record BulkUploadUrlRequest(IReadOnlyList<UploadUrlRequest>? Files);

    private sealed record ReplaceUrlRequest(string? Filename, string? ContentType, string? SourceUrl);

    /// <summary>The multipart form of an upload, as the OpenAPI document describes it; the endpoint reads the form itself.</summary>
    /// <param name="SourceUrl">Where each file is published: one field per file, in the order of the files, or none.</param>
    private sealed record UploadForm(IFormFileCollection Files, IReadOnlyList<string>? SourceUrl);

    private sealed record PreviewUrlResponse(Guid DocumentId, int Version, string Url, DateTimeOffset ExpiresAt);

    private sealed record UploadUrlResponse(
        Guid DocumentId, int Version, string Filename, string UploadUrl, string Method, DateTimeOffset ExpiresAt, int ExpiresInSeconds,
        string Instructions)
    {
        // The seed's steps without its metadata upload, which this API does not need: metadata travels with the upload-url request.
        private const string Steps = "1) PUT the file's bytes to uploadUrl. 2) POST confirm. 3) POST sync (or deploy).";

        public static UploadUrlResponse From(UploadLink link, HttpRequest request) =>
            new(link.DocumentId, link.Version, link.FileName, $"{BaseUrl(request)}/v1/uploads/{link.Token}", "PUT", link.ExpiresAt,
                link.ExpiresInSeconds, Steps);
    }
}
