using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Rpc.Internal;

/// <summary>
/// Answers gRPC calls to paths nobody mapped: HTTP 200 with a Trailers-Only UNIMPLEMENTED,
/// as a conforming server must (HTTP 404 only works because clients map it).
/// </summary>
internal sealed class UnimplementedCallHandler(ServiceMethodsRegistry registry, ILogger logger)
{
    internal const string ServiceRouteValue = "unimplementedService";
    internal const string MethodRouteValue = "unimplementedMethod";

    internal Task HandleAsync(HttpContext httpContext)
    {
        var service = httpContext.Request.RouteValues[ServiceRouteValue] as string ?? string.Empty;
        var known = registry.ContainsService(service);
        RpcServerLog.Unimplemented(logger, known ? "method" : "service", httpContext.Request.Path);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcProtocolConstants.GrpcContentType;
        response.Headers[GrpcProtocolConstants.StatusTrailer] = "12";
        response.Headers[GrpcProtocolConstants.MessageTrailer] = known ? "Method is unimplemented." : "Service is unimplemented.";
        return Task.CompletedTask;
    }
}
