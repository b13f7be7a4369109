using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Plans;
using CleanRag.Application.Projects;
using CleanRag.Domain.Documents;
using Mediator;

namespace CleanRag.Application.Documents.CreateUploadUrls;

public sealed class CreateUploadUrlsCommandHandler(
    IRequestContext context, IAggregateStore aggregates, IReadStore readStore, ISignedLinks links, DocumentOptions options, PlanGuard plan, TimeProvider clock)
    : ICommandHandler<CreateUploadUrlsCommand, IReadOnlyList<UploadLink>>
{
    public async ValueTask<IReadOnlyList<UploadLink>> Handle(CreateUploadUrlsCommand command, CancellationToken cancellationToken)
    {
        await readStore.LoadWritableProjectAsync(command.ProjectId, cancellationToken);
        // The sizes are not known yet: storage is checked again when each upload is confirmed.
        await plan.EnsureCanStoreAsync(command.Files.Count, newBytes: 0, replacing: null, cancellationToken);
        var now = clock.GetUtcNow();
        var result = new List<UploadLink>();
        foreach (var file in command.Files)
        {
            var documentId = Guid.CreateVersion7();
            var registered = Document.Register(documentId, command.ProjectId, file.FileName,
                ContentTypes.Resolve(file.FileName, file.ContentType), context.UserId, now, file.SourceUrl);
            aggregates.Start<Document>(documentId, registered);
            result.Add(UploadLinks.For(links, context.TenantId, command.ProjectId, documentId, 1, file.FileName, now, options.UploadUrlLifetime));
        }
        return result;
    }
}

internal static class UploadLinks
{
    public static UploadLink For(
        ISignedLinks links, Guid tenantId, Guid projectId, Guid documentId, int version, string fileName, DateTimeOffset now, TimeSpan lifetime)
    {
        var expiresAt = now + lifetime;
        return new(documentId, version, fileName,
            links.Create(new FileTicket(FileTicketPurpose.Upload, tenantId, projectId, documentId, version, expiresAt)), expiresAt,
            (int)lifetime.TotalSeconds);
    }
}
