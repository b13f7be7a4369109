using CleanRag.Application.Common.Exceptions;
using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Documents.DeleteDocument;

public sealed class DeleteDocumentCommandHandler(IRequestContext context, IEventStore eventStore, TimeProvider clock)
    : ICommandHandler<DeleteDocumentCommand>
{
    public async ValueTask<Unit> Handle(DeleteDocumentCommand command, CancellationToken cancellationToken)
    {
        // Ingestion appends to the same stream in the background; a delete racing it simply tries again.
        for (var attempt = 1; ; attempt++)
        {
            var document = await eventStore.LoadDocumentAsync(command.ProjectId, command.DocumentId, cancellationToken);
            try
            {
                await eventStore.AppendAsync(document.Id, document.Version, [document.Delete(context.UserId, clock.GetUtcNow())], cancellationToken);
                return Unit.Value;
            }
            catch (ConcurrencyConflictException) when (attempt < 5)
            {
            }
        }
    }
}
