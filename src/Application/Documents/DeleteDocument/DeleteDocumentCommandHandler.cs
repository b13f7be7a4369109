using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Documents.DeleteDocument;

public sealed class DeleteDocumentCommandHandler(IRequestContext context, IAggregateStore aggregates, TimeProvider clock)
    : ICommandHandler<DeleteDocumentCommand>
{
    public async ValueTask<Unit> Handle(DeleteDocumentCommand command, CancellationToken cancellationToken)
    {
        var document = await aggregates.LoadDocumentForUpdateAsync(command.ProjectId, command.DocumentId, cancellationToken);
        aggregates.Append(document, document.Delete(context.UserId, clock.GetUtcNow()));
        return Unit.Value;
    }
}
