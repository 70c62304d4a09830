using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace JourneyGrpc.Gateway.Internal;

/// <summary>REST gateway log events; the ids are stable.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(1, LogLevel.Debug, "REST route {HttpMethod} {Template} -> {Method}.", EventName = "RouteMapped")]
    internal static partial void RouteMapped(ILogger logger, string httpMethod, string template, string method);

    [LoggerMessage(2, LogLevel.Information, "REST gateway ({Backend}) serves {RouteCount} routes for {MethodCount} methods of {ServiceCount} services.", EventName = "GatewayBuilt")]
    internal static partial void GatewayBuilt(ILogger logger, string backend, int routeCount, int methodCount, int serviceCount);

    [LoggerMessage(3, LogLevel.Warning, "{Method} is {Kind}: REST exposes only unary and server-streaming methods; its google.api.http rule is ignored.", EventName = "MethodNotExposed")]
    internal static partial void MethodNotExposed(ILogger logger, string method, string kind);

    [LoggerMessage(4, LogLevel.Debug, "REST request for {Method} rejected: {Reason}", EventName = "RequestRejected")]
    internal static partial void RequestRejected(ILogger logger, string method, string reason);

    [LoggerMessage(5, LogLevel.Debug, "REST call {Method} ended with {StatusCode}: '{Detail}'.", EventName = "CallFailed")]
    internal static partial void CallFailed(ILogger logger, string method, StatusCode statusCode, string detail);

    [LoggerMessage(6, LogLevel.Debug, "REST stream {Method} ended with {StatusCode} after it started: '{Detail}'.", EventName = "StreamFailed")]
    internal static partial void StreamFailed(ILogger logger, string method, StatusCode statusCode, string detail);

    [LoggerMessage(7, LogLevel.Debug, "No REST route for {HttpMethod} {Path} ({Outcome}).", EventName = "NoRoute")]
    internal static partial void NoRoute(ILogger logger, string httpMethod, string path, int outcome);

    /// <summary>The one log line of a REST request that failed on the server: its 500 names the same correlation id.</summary>
    [LoggerMessage(8, LogLevel.Error, "REST request {HttpMethod} {Path} ({Method}) failed on the server; answered 500 with correlation id {CorrelationId}.", EventName = "RequestFaulted")]
    internal static partial void RequestFaulted(ILogger logger, string httpMethod, string path, string method, string correlationId, Exception exception);

    [LoggerMessage(9, LogLevel.Debug, "The 500 of correlation id {CorrelationId} could not be sent ({Reason}).", EventName = "FaultNotAnswered")]
    internal static partial void FaultNotAnswered(ILogger logger, string correlationId, string reason);
}
