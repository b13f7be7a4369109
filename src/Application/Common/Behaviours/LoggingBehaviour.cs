using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace CleanRag.Application.Common.Behaviours;

/// <summary>
/// Logs each request's name and duration. Only the type name is logged, never the payload: requests
/// carry passwords, API keys and visitors' messages.
/// </summary>
public sealed partial class LoggingBehaviour<TMessage, TResponse>(ILogger<LoggingBehaviour<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next(message, cancellationToken);
        LogHandled(typeof(TMessage).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return response;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled {RequestName} in {ElapsedMs:0.0} ms")]
    private partial void LogHandled(string requestName, double elapsedMs);
}
