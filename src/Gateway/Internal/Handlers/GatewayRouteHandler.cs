using Google.Protobuf;
using JourneyGrpc.Gateway.Internal.Binding;
using JourneyGrpc.Gateway.Internal.Errors;
using JourneyGrpc.Gateway.Internal.Routing;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Gateway.Internal.Handlers;

/// <summary>What every call kind does: bind the request, turn binding failures into errors, start the call.</summary>
internal abstract class GatewayRouteHandler(GatewayRoute route, GatewayServices services)
{
    protected GatewayRoute Route { get; } = route;

    protected GatewayServices Services { get; } = services;

    protected MethodRestOptions Options => Route.Method.Options;

    internal abstract Task HandleAsync(HttpContext context, PathMatch match);

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
        GatewayLog.CallFailed(Services.Logger, Route.Method.Descriptor.FullName, exception.StatusCode, exception.Status.Detail);
        if (responseHeaders.IsCompletedSuccessfully)
        {
            CallMetadata.CopyToResponse(responseHeaders.Result, context.Response);
        }

        CallMetadata.CopyToResponse(exception.Trailers, context.Response);
        await Services.Errors.WriteAsync(context, GatewayError.FromRpc(exception), Options).ConfigureAwait(false);
    }
}
