using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Documents.DeleteDocument;

public sealed class DeleteDocumentCommandHandler(IRequestContext context, IEventStore eventStore, TimeProvider clock)
    : ICommandHandler<DeleteDocumentCommand>
{
    public async ValueTask<Unit> Handle(DeleteDocumentCommand command, CancellationToken cancellationToken)
    {
        var document = await eventStore.LoadDocumentAsync(command.ProjectId, command.DocumentId, cancellationToken);
        await eventStore.AppendAsync(document.Id, document.Version, [document.Delete(context.UserId, clock.GetUtcNow())], cancellationToken);
        return Unit.Value;
    }
}
