using CleanRag.Application.Common.Interfaces;
using Mediator;

namespace CleanRag.Application.Common.Behaviours;

/// <summary>
/// Commits a command's staged changes once, after its handler (queries write nothing). A command marked
/// <see cref="IRetryOnConcurrencyConflict"/> that lost a race runs again from the stored state (<see cref="ConcurrencyRetry"/>).
/// </summary>
public sealed class UnitOfWorkBehaviour<TMessage, TResponse>(IUnitOfWork unitOfWork) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IBaseCommand)
            return await next(message, cancellationToken);
        if (message is not IRetryOnConcurrencyConflict)
            return await HandleOnceAsync(message, next, cancellationToken);
        return await ConcurrencyRetry.RunAsync(_ => HandleOnceAsync(message, next, cancellationToken), unitOfWork.Reset, cancellationToken);
    }

    private async Task<TResponse> HandleOnceAsync(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return response;
    }
}
