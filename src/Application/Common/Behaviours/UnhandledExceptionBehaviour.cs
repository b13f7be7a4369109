using CleanRag.Application.Common.Exceptions;
using CleanRag.Domain.Common;
using Mediator;
using Microsoft.Extensions.Logging;

namespace CleanRag.Application.Common.Behaviours;

/// <summary>
/// Turns domain rule violations into application conflicts and logs anything unexpected with the
/// request's name before it reaches the API's error mapping (which answers 500 without details).
/// </summary>
public sealed partial class UnhandledExceptionBehaviour<TMessage, TResponse>(
    ILogger<UnhandledExceptionBehaviour<TMessage, TResponse>> logger) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        try
        {
            return await next(message, cancellationToken);
        }
        catch (DomainRuleViolationException violation)
        {
            throw new ConflictException(violation.Code, violation.Message);
        }
        catch (Exception exception) when (exception is not ApplicationErrorException and not OperationCanceledException)
        {
            LogUnhandled(exception, typeof(TMessage).Name);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception while handling {RequestName}")]
    private partial void LogUnhandled(Exception exception, string requestName);
}
