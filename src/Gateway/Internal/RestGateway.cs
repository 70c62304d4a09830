using JourneyGrpc.Gateway.Internal.Errors;
using JourneyGrpc.Gateway.Internal.Handlers;
using JourneyGrpc.Gateway.Internal.Routing;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace JourneyGrpc.Gateway.Internal;

/// <summary>The built gateway: matches a request to a route and hands it to the route's handler; answers 404 and 405 itself.</summary>
internal sealed class RestGateway(RouteTable routes, GatewayServices services, byte[] openApiDocument)
{
    internal const string OpenApiPath = "/openapi.json";

    internal RouteTable Routes { get; } = routes;

    internal byte[] OpenApiDocument { get; } = openApiDocument;

    internal async Task HandleAsync(HttpContext context)
    {
        try
        {
            await RouteAsync(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (FaultResponder.IsClientGone(context, ex))
        {
            // The client went away; nobody is left to tell.
        }
        catch (Exception ex)
        {
            // A route's own failures are answered by its handler, in its format; this is what fails before one is chosen.
            await services.Faults.AnswerAsync(context, ex, "no route", MethodRestOptions.Default).ConfigureAwait(false);
        }
    }

    private Task RouteAsync(HttpContext context)
    {
        var path = RawPath(context);
        var lookup = Routes.Match(context.Request.Method, path);
        if (lookup.IsMatch)
        {
            var route = lookup.Route!;
            context.SetEndpoint(route.DiagnosticsEndpoint(context.GetEndpoint()));
            return route.Handler.HandleAsync(context, lookup.Match!);
        }

        GatewayError error;
        var options = MethodRestOptions.Default;
        if (lookup.IsMethodNotAllowed)
        {
            GatewayLog.NoRoute(services.Logger, context.Request.Method, path, StatusCodes.Status405MethodNotAllowed);
            error = GatewayError.MethodNotAllowed($"Method {context.Request.Method} is not allowed for this path; allowed: {string.Join(", ", lookup.AllowedMethods)}.", lookup.AllowedMethods);

            // The path belongs to a known API: answer in that API's error format.
            options = Routes.Match(lookup.AllowedMethods[0], path).Route?.Method.Options ?? options;
        }
        else
        {
            GatewayLog.NoRoute(services.Logger, context.Request.Method, path, StatusCodes.Status404NotFound);
            error = GatewayError.Create(StatusCode.NotFound, $"No REST route matches {context.Request.Method} {path}.", StatusCodes.Status404NotFound);
        }

        return services.Errors.WriteAsync(context, error, options);
    }

    internal Task WriteOpenApiAsync(HttpContext context)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = OpenApiDocument.Length;
        return context.Response.Body.WriteAsync(OpenApiDocument, context.RequestAborted).AsTask();
    }

    /// <summary>The request target's path, still percent-encoded, so <c>%2F</c> inside a segment stays distinct from <c>/</c>.</summary>
    private static string RawPath(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || raw[0] != '/')
        {
            return context.Request.PathBase.Add(context.Request.Path).ToUriComponent();
        }

        var query = raw.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? raw : raw[..query];
    }
}
