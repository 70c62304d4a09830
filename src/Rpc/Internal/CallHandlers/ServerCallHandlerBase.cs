using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace JourneyGrpc.Rpc.Internal.CallHandlers;

/// <summary>
/// What every call does regardless of kind: protocol checks, the call context, and one error
/// path. Subclasses read requests, invoke the handler and write responses.
/// </summary>
internal abstract class ServerCallHandlerBase<TRequest, TResponse>
    where TRequest : class
    where TResponse : class
{
    protected ServerCallHandlerBase(Method<TRequest, TResponse> method, ServerCallSettings settings)
    {
        Method = method;
        Settings = settings;
    }

    protected Method<TRequest, TResponse> Method { get; }

    protected ServerCallSettings Settings { get; }

    private bool IsStreaming => Method.Type != MethodType.Unary;

    public Task HandleCallAsync(HttpContext httpContext)
    {
        if (!HttpProtocol.IsHttp2(httpContext.Request.Protocol) && !HttpProtocol.IsHttp3(httpContext.Request.Protocol))
        {
            return RejectProtocolAsync(httpContext);
        }

        if (!GrpcProtocolConstants.IsGrpcContentType(httpContext.Request.ContentType))
        {
            return RejectContentTypeAsync(httpContext);
        }

        if (Method.Type is MethodType.ClientStreaming or MethodType.DuplexStreaming)
        {
            // Kestrel's 30 MB body cap and minimum data rate would cut long-lived request streams.
            if (httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } maxBody)
            {
                maxBody.MaxRequestBodySize = null;
            }

            if (httpContext.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } minRate)
            {
                minRate.MinDataRate = null;
            }
        }

        var callContext = new HttpContextServerCallContext(httpContext, Method, Settings);
        return HandleCoreAsync(httpContext, callContext);
    }

    protected abstract Task HandleCallAsyncCore(HttpContext httpContext, HttpContextServerCallContext callContext);

    /// <summary>Runs the call; returns a completed task without any state machine when nothing had to wait.</summary>
    private Task HandleCoreAsync(HttpContext httpContext, HttpContextServerCallContext callContext)
    {
        Task handlerTask;
        try
        {
            callContext.Initialize(IsStreaming);
            handlerTask = HandleCallAsyncCore(httpContext, callContext);
        }
        catch (Exception ex)
        {
            return FailAsync(callContext, ex);
        }

        if (handlerTask.IsCompletedSuccessfully && callContext.TryEndCall() && !callContext.RequiresDispose)
        {
            return Task.CompletedTask;
        }

        return AwaitCallAsync(callContext, handlerTask);
    }

    private static async Task AwaitCallAsync(HttpContextServerCallContext callContext, Task handlerTask)
    {
        try
        {
            await handlerTask.ConfigureAwait(false);
            await callContext.EndCallAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await callContext.ProcessHandlerErrorAsync(ex).ConfigureAwait(false);
        }
        finally
        {
            await callContext.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task FailAsync(HttpContextServerCallContext callContext, Exception exception)
    {
        try
        {
            await callContext.ProcessHandlerErrorAsync(exception).ConfigureAwait(false);
        }
        finally
        {
            await callContext.DisposeAsync().ConfigureAwait(false);
        }
    }

    private Task RejectProtocolAsync(HttpContext httpContext)
    {
        var message = $"Request protocol '{httpContext.Request.Protocol}' is not supported.";
        RpcServerLog.UnsupportedProtocol(Settings.Logger, httpContext.Request.Protocol);
        httpContext.Response.StatusCode = StatusCodes.Status426UpgradeRequired;
        httpContext.Response.Headers.Upgrade = "HTTP/2";
        return WriteRejectionAsync(httpContext, message);
    }

    private static Task RejectContentTypeAsync(HttpContext httpContext)
    {
        var contentType = httpContext.Request.ContentType;
        var message = contentType is null
            ? "Content-Type is missing from the request."
            : $"Content-Type '{contentType}' is not supported.";
        httpContext.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
        return WriteRejectionAsync(httpContext, message);
    }

    private static Task WriteRejectionAsync(HttpContext httpContext, string message)
    {
        // Generic HTTP clients read the HTTP status; gRPC clients also get grpc-status (PROTOCOL-HTTP2.md).
        httpContext.Response.Headers[GrpcProtocolConstants.StatusTrailer] = "13";
        httpContext.Response.Headers[GrpcProtocolConstants.MessageTrailer] = PercentEncoding.Encode(message);
        httpContext.Response.ContentType = "text/plain; charset=utf-8";
        return httpContext.Response.WriteAsync(message + "\n");
    }
}
