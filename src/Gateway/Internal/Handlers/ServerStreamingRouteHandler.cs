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
/// response with its HTTP status; an error after it becomes the stream's last object. A failure on the
/// server after it (an exception, a call that ended UNKNOWN) is that last object too, a 500 with the
/// correlation id the response's <c>x-correlation-id</c> header announced; the connection is not aborted.
/// </summary>
internal sealed class ServerStreamingRouteHandler(GatewayRoute route, GatewayServices services) : GatewayRouteHandler(route, services)
{
    protected override async Task HandleCallAsync(HttpContext context, PathMatch match)
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

            if (IsServerFault(ex))
            {
                await FaultAsync(context, ex).ConfigureAwait(false);
                return;
            }

            // Headers are gone: the error travels in the body, the HTTP status stays (as ASP.NET Core and grpc-gateway do).
            GatewayLog.StreamFailed(Services.Logger, Route.Method.Descriptor.FullName, ex.StatusCode, ex.Status.Detail);
            var error = GatewayError.FromRpc(ex);
            var body = Services.Errors.Render(error, ErrorWriter.HttpStatus(error, Options), Options, context.Request.Method);
            await WriteAsync(context, format.Error(body)).ConfigureAwait(false);
        }
    }

    protected override Func<string, string>? StreamErrorFormat(HttpContext context) => StreamFormat.Select(context.Request.Headers.Accept).Error;

    private async Task StartAsync(HttpContext context, Task<Metadata> responseHeaders, StreamFormat format)
    {
        var response = context.Response;
        CallMetadata.CopyToResponse(await responseHeaders.ConfigureAwait(false), response);
        response.StatusCode = Options.SuccessStatus;
        response.ContentType = format.ContentType;
        response.Headers[HeaderNames.CacheControl] = "no-cache";

        // Announced now: a failure after the first message can no longer add a header to name it.
        response.Headers[CorrelationId.HeaderName] = CorrelationId.Of(context);
        await response.StartAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpContext context, string text)
    {
        await context.Response.BodyWriter.WriteAsync(Encoding.UTF8.GetBytes(text), context.RequestAborted).ConfigureAwait(false);
    }
}
