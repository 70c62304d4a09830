using System.Text;
using Google.Protobuf;
using JourneyGrpc.Gateway.Internal.Routing;
using JourneyGrpc.Gateway.Internal.Telemetry;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Gateway.Internal.Handlers;

/// <summary>One request, one JSON response (or none: 202/204 with <c>empty_body</c>).</summary>
internal sealed class UnaryRouteHandler(GatewayRoute route, GatewayServices services) : GatewayRouteHandler(route, services)
{
    internal const string JsonContentType = "application/json; charset=utf-8";

    protected override async Task HandleCallAsync(HttpContext context, PathMatch match)
    {
        if (await BindAsync(context, match).ConfigureAwait(false) is not { } request)
        {
            return;
        }

        IMessage message;
        using var activity = GatewayTracing.StartCall(Route.Method);
        using var call = Route.Method.InvokerFor(context).AsyncUnaryCall(Route.Method.Rpc, null, CreateCallOptions(context), request);
        try
        {
            message = await call.ResponseAsync.ConfigureAwait(false);
            GatewayTracing.Completed(activity, StatusCode.OK);
        }
        catch (RpcException ex)
        {
            GatewayTracing.Completed(activity, ex.StatusCode);
            if (!context.RequestAborted.IsCancellationRequested)
            {
                await WriteCallErrorAsync(context, ex, call.ResponseHeadersAsync).ConfigureAwait(false);
            }

            return;
        }

        var response = context.Response;
        CallMetadata.CopyToResponse(await call.ResponseHeadersAsync.ConfigureAwait(false), response);
        CallMetadata.CopyToResponse(call.GetTrailers(), response);
        response.StatusCode = Options.SuccessStatus;
        if (Options.EmptyBody)
        {
            response.ContentLength = 0;
            return;
        }

        var writer = new StringWriter(new StringBuilder(256));
        if (Route.ResponseBody is { } field)
        {
            Route.Method.Json.WriteField(writer, field, field.Accessor.GetValue(message));
        }
        else
        {
            Route.Method.Json.WriteMessage(writer, message);
        }

        var body = Encoding.UTF8.GetBytes(writer.ToString());
        response.ContentType = JsonContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
