using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Projects;
using CleanRag.Application.Documents.CreateUploadUrls;
using Mediator;

namespace CleanRag.Application.Documents.CreateReplaceUrl;

public sealed class CreateReplaceUrlCommandHandler(
    IRequestContext context, IAggregateStore aggregates, IReadStore readStore, ISignedLinks links, DocumentOptions options, TimeProvider clock)
    : ICommandHandler<CreateReplaceUrlCommand, UploadLink>
{
    public async ValueTask<UploadLink> Handle(CreateReplaceUrlCommand command, CancellationToken cancellationToken)
    {
        await readStore.LoadWritableProjectAsync(command.ProjectId, cancellationToken);
        var document = await aggregates.LoadDocumentForUpdateAsync(command.ProjectId, command.DocumentId, cancellationToken);
        var fileName = command.FileName ?? document.FileName;
        var requested = document.RequestNewVersion(fileName, ContentTypes.Resolve(fileName, command.ContentType ?? document.ContentType),
            command.SourceUrl);
        aggregates.Append(document, requested);
        return UploadLinks.For(links, context.TenantId, command.ProjectId, document.Id, requested.Version, fileName,
            clock.GetUtcNow(), options.UploadUrlLifetime);
    }
}
