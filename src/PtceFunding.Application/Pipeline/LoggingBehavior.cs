using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;

namespace PtceFunding.Application.Pipeline;

/// <summary>Outermost step: one structured log line per request with its outcome and duration.</summary>
internal sealed partial class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IMessage
    where TResponse : IResult, IResultFactory<TResponse>
{
    public async ValueTask<TResponse> Handle(TRequest message, MessageHandlerDelegate<TRequest, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next(message, cancellationToken).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.IsSuccess)
            {
                LogSucceeded(logger, typeof(TRequest).Name, elapsed);
            }
            else
            {
                LogRefused(logger, typeof(TRequest).Name, response.Error!.Code, elapsed);
            }

            return response;
        }
        catch (Exception exception)
        {
            LogFailed(logger, exception, typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} succeeded in {ElapsedMs:0.0} ms")]
    private static partial void LogSucceeded(ILogger logger, string request, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Request} refused with {ErrorCode} in {ElapsedMs:0.0} ms")]
    private static partial void LogRefused(ILogger logger, string request, string errorCode, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Request} failed after {ElapsedMs:0.0} ms")]
    private static partial void LogFailed(ILogger logger, Exception exception, string request, double elapsedMs);
}
