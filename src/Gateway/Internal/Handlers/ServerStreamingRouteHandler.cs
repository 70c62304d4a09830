using System.Text;
using JourneyGrpc.Gateway.Internal.Errors;
using JourneyGrpc.Gateway.Internal.Routing;
using JourneyGrpc.Gateway.Internal.Telemetry;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace JourneyGrpc.Gateway.Internal.Handlers;

/// <summary>
/// One request, a stream of JSON messages, each flushed as it arrives. The response starts with
/// the first message (or the end of an empty stream), so an error before it is an ordinary error
/// response with its HTTP status; an error after it becomes the stream's last object.
/// </summary>
internal sealed class ServerStreamingRouteHandler(GatewayRoute route, GatewayServices services) : GatewayRouteHandler(route, services)
{
    internal override async Task HandleAsync(HttpContext context, PathMatch match)
    {
        if (await BindAsync(context, match).ConfigureAwait(false) is not { } request)
        {
            return;
        }

        var format = StreamFormat.Select(context.Request.Headers.Accept);
        using var activity = GatewayTracing.StartCall(Route.Method);
        using var call = Route.Method.InvokerFor(context).AsyncServerStreamingCall(Route.Method.Rpc, null, CreateCallOptions(context), request);
        var started = false;
        try
        {
            while (await call.ResponseStream.MoveNext(context.RequestAborted).ConfigureAwait(false))
            {
                if (!started)
                {
                    await StartAsync(context, call.ResponseHeadersAsync, format).ConfigureAwait(false);
                    started = true;
                }

                var message = call.ResponseStream.Current;
                var writer = new StringWriter(new StringBuilder(256));
                Route.Method.Json.WriteMessage(writer, message);
                var eventId = format.CarriesEventIds ? Route.Method.EventIds.IdOf(message) : null;
                await WriteAsync(context, format.Message(writer.ToString(), eventId)).ConfigureAwait(false);
            }

            if (!started)
            {
                await StartAsync(context, call.ResponseHeadersAsync, format).ConfigureAwait(false);
            }

            GatewayTracing.Completed(activity, StatusCode.OK);
        }
        catch (RpcException ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            GatewayTracing.Completed(activity, ex.StatusCode);
            if (!started)
            {
                await WriteCallErrorAsync(context, ex, call.ResponseHeadersAsync).ConfigureAwait(false);
                return;
            }

            // Headers are gone: the error travels in the body, the HTTP status stays (as ASP.NET Core and grpc-gateway do).
            GatewayLog.StreamFailed(Services.Logger, Route.Method.Descriptor.FullName, ex.StatusCode, ex.Status.Detail);
            var error = GatewayError.FromRpc(ex);
            var body = Services.Errors.Render(error, ErrorWriter.HttpStatus(error, Options), Options, context.Request.Method);
            await WriteAsync(context, format.Error(body)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or RpcException or IOException && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nobody is left to tell.
        }
    }

    private async Task StartAsync(HttpContext context, Task<Metadata> responseHeaders, StreamFormat format)
    {
        var response = context.Response;
        CallMetadata.CopyToResponse(await responseHeaders.ConfigureAwait(false), response);
        response.StatusCode = Options.SuccessStatus;
        response.ContentType = format.ContentType;
        response.Headers[HeaderNames.CacheControl] = "no-cache";
        await response.StartAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpContext context, string text)
    {
        await context.Response.BodyWriter.WriteAsync(Encoding.UTF8.GetBytes(text), context.RequestAborted).ConfigureAwait(false);
    }
}
