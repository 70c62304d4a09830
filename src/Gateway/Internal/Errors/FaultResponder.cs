using System.Text;
using Grpc.Core;
using JourneyGrpc.Gateway.Internal.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Gateway.Internal.Errors;

/// <summary>
/// The one answer to a request whose handling failed on the server (an exception escaping binding, the
/// call or the response, or a call that ended UNKNOWN): the exception logged once, at Error, with a
/// correlation id (<see cref="GatewayLog.RequestFaulted"/>), and a 500 in the route's error format that
/// carries that id and never the exception's text. Nothing reaches Kestrel, which would log its own
/// "unhandled exception" and answer an empty 500. A client that went away is not a failure.
/// </summary>
internal sealed class FaultResponder(ErrorWriter errors, ILogger logger)
{
    /// <summary>
    /// The client went away (Kestrel cancels <see cref="HttpContext.RequestAborted"/>): what fails then,
    /// a cancelled wait, a write to a closed connection or the call ended with it, is nobody's error.
    /// </summary>
    internal static bool IsClientGone(HttpContext context, Exception exception) =>
        context.RequestAborted.IsCancellationRequested
        && exception is OperationCanceledException or IOException or RpcException;

    /// <summary>
    /// Logs <paramref name="exception"/> and answers 500. Before the response started: the whole error
    /// response (the gateway's own; headers set so far are dropped unless the failure is a call's status,
    /// whose metadata the caller has copied). After a stream started: <paramref name="streamError"/> frames
    /// the error as the stream's last object. After a unary body started: nothing more can be said.
    /// </summary>
    internal async Task AnswerAsync(HttpContext context, Exception exception, string method, MethodRestOptions options, Func<string, string>? streamError = null)
    {
        var correlationId = CorrelationId.Of(context);
        GatewayLog.RequestFaulted(logger, context.Request.Method, context.Request.Path.Value ?? string.Empty, method, correlationId, Cause(exception));
        var error = GatewayError.Fault(exception is RpcException ? StatusCode.Unknown : StatusCode.Internal, correlationId);
        var response = context.Response;
        try
        {
            if (!response.HasStarted)
            {
                if (exception is not RpcException)
                {
                    response.Clear();
                }

                await errors.WriteAsync(context, error, options).ConfigureAwait(false);
            }
            else if (streamError is not null)
            {
                var line = streamError(errors.Render(error, StatusCodes.Status500InternalServerError, options, context.Request.Method));
                await response.BodyWriter.WriteAsync(Encoding.UTF8.GetBytes(line), context.RequestAborted).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The connection is gone or the response is past saying more; the failure is logged above.
            GatewayLog.FaultNotAnswered(logger, correlationId, ex.GetType().Name);
        }
    }

    /// <summary>The handler's own exception when an in-process call carries it (UNKNOWN's debug exception), so the log shows where it was thrown.</summary>
    private static Exception Cause(Exception exception) =>
        exception is RpcException { Status.DebugException: { } cause } ? cause : exception;
}
