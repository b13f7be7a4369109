using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using CleanRag.Application.Plans;
using CleanRag.Application.Projects;
using CleanRag.Domain.Documents;
using Mediator;

namespace CleanRag.Application.Documents.UploadDocuments;

public sealed class UploadDocumentsCommandHandler(
    IRequestContext context, IAggregateStore aggregates, IUnitOfWork unitOfWork, IReadStore readStore, IBlobStore blobs, DocumentOptions options, PlanGuard plan, TimeProvider clock)
    : ICommandHandler<UploadDocumentsCommand, IReadOnlyList<DocumentDetails>>
{
    public async ValueTask<IReadOnlyList<DocumentDetails>> Handle(UploadDocumentsCommand command, CancellationToken cancellationToken)
    {
        await readStore.LoadWritableProjectAsync(command.ProjectId, cancellationToken);
        if (command.Files.Count > options.MaxFilesPerUpload)
            throw new TooManyFilesException(options.MaxFilesPerUpload);
        if (command.Files.FirstOrDefault(f => f.Length > options.MaxFileBytes) is not null)
            throw new FileTooLargeException(options.MaxFileBytes);
        await plan.EnsureCanStoreAsync(command.Files.Count, command.Files.Sum(f => f.Length), replacing: null, cancellationToken);

        var documentIds = new List<Guid>();
        foreach (var (file, index) in command.Files.Select((f, i) => (f, i)))
        {
            await using var content = file.OpenRead();
            var blob = await blobs.PutAsync(context.TenantId, content, options.MaxFileBytes, cancellationToken);
            var documentId = Guid.CreateVersion7();
            var events = Document.Upload(documentId, command.ProjectId, file.FileName, ContentTypes.Resolve(file.FileName, file.ContentType),
                blob.SizeBytes, blob.ContentHash, context.UserId, clock.GetUtcNow(), command.SourceUrls is { Count: > 0 } urls ? urls[index] : null);
            aggregates.Start<Document>(documentId, events);
            documentIds.Add(documentId);
        }

        await unitOfWork.CommitAsync(cancellationToken); // the answer is read from the read models, in one query
        var details = (await readStore.LoadManyAsync<DocumentDetails>(documentIds, cancellationToken)).ToDictionary(d => d.Id);
        return documentIds.Select(id => details.GetValueOrDefault(id) ?? throw new NotFoundException("Document")).ToList();
    }
}
