using Google.Protobuf;
using JourneyGrpc.Gateway.Internal.Binding;
using JourneyGrpc.Gateway.Internal.Errors;
using JourneyGrpc.Gateway.Internal.Routing;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Gateway.Internal.Handlers;

/// <summary>
/// What every call kind does: bind the request, turn binding failures into errors, start the call; and
/// answer whatever escapes that (an exception, a call that ended UNKNOWN) with the route's 500 and its
/// correlation id, so no exception reaches Kestrel.
/// </summary>
internal abstract class GatewayRouteHandler(GatewayRoute route, GatewayServices services)
{
    protected GatewayRoute Route { get; } = route;

    protected GatewayServices Services { get; } = services;

    protected MethodRestOptions Options => Route.Method.Options;

    internal async Task HandleAsync(HttpContext context, PathMatch match)
    {
        try
        {
            await HandleCallAsync(context, match).ConfigureAwait(false);
        }
        catch (Exception ex) when (FaultResponder.IsClientGone(context, ex))
        {
            // The client went away; nobody is left to tell.
        }
        catch (Exception ex)
        {
            await FaultAsync(context, ex).ConfigureAwait(false);
        }
    }

    protected abstract Task HandleCallAsync(HttpContext context, PathMatch match);

    /// <summary>How an error is framed once a stream has started; null for a unary route.</summary>
    protected virtual Func<string, string>? StreamErrorFormat(HttpContext context) => null;

    /// <summary>The route's 500 with a correlation id, the failure logged once with it.</summary>
    protected Task FaultAsync(HttpContext context, Exception exception) =>
        Services.Faults.AnswerAsync(context, exception, Route.Method.Descriptor.FullName, Options, StreamErrorFormat(context));

    /// <summary>The request message, or null after an error response has been written.</summary>
    protected async ValueTask<IMessage?> BindAsync(HttpContext context, PathMatch match)
    {
        GatewayError error;
        try
        {
            return await Route.Binder.BindAsync(context, match, Services.MaxRequestBodySize).ConfigureAwait(false);
        }
        catch (BindingException ex)
        {
            error = GatewayError.FromBinding(ex);
        }
        catch (UnsupportedMediaTypeException ex)
        {
            error = GatewayError.Create(StatusCode.InvalidArgument, ex.Message, StatusCodes.Status415UnsupportedMediaType);
        }
        catch (PayloadTooLargeException ex)
        {
            error = GatewayError.Create(StatusCode.ResourceExhausted, ex.Message, StatusCodes.Status413PayloadTooLarge);
        }

        GatewayLog.RequestRejected(Services.Logger, Route.Method.Descriptor.FullName, error.Status.Message);
        await Services.Errors.WriteAsync(context, error, Options).ConfigureAwait(false);
        return null;
    }

    protected CallOptions CreateCallOptions(HttpContext context) =>
        new(CallMetadata.FromRequest(context.Request, Services.ForwardedHeaders), cancellationToken: context.RequestAborted);

    protected async Task WriteCallErrorAsync(HttpContext context, RpcException exception, Task<Metadata> responseHeaders)
    {
        if (responseHeaders.IsCompletedSuccessfully)
        {
            CallMetadata.CopyToResponse(responseHeaders.Result, context.Response);
        }

        CallMetadata.CopyToResponse(exception.Trailers, context.Response);
        if (IsServerFault(exception))
        {
            await FaultAsync(context, exception).ConfigureAwait(false);
            return;
        }

        GatewayLog.CallFailed(Services.Logger, Route.Method.Descriptor.FullName, exception.StatusCode, exception.Status.Detail);
        await Services.Errors.WriteAsync(context, GatewayError.FromRpc(exception), Options).ConfigureAwait(false);
    }

    /// <summary>
    /// UNKNOWN is what gRPC servers (Grpc.AspNetCore, and the in-process calls as it) answer when a handler
    /// throws: an exception on the server, whose text (detailed errors on) must not reach a REST client.
    /// </summary>
    protected static bool IsServerFault(RpcException exception) => exception.StatusCode == StatusCode.Unknown;
}
