using System.Diagnostics;
using Grpc.Core;
using JourneyGrpc.Gateway.Internal.Routing;

namespace JourneyGrpc.Gateway.Internal.Telemetry;

/// <summary>
/// The gRPC span of a REST call (source <see cref="GatewayTelemetry.SourceName"/>), a child of the
/// request's ASP.NET Core span: <c>Internal</c> when the method runs in this process (its handler and the
/// store spans are its children), <c>Client</c> when it is forwarded (Grpc.Net.Client's HTTP/2 request, and
/// the W3C <c>traceparent</c> it carries to the upstream, are its children). Tags follow the RPC semantic
/// conventions (https://opentelemetry.io/docs/specs/semconv/rpc/rpc-spans/). No listener, no span.
/// </summary>
internal static class GatewayTracing
{
    private static readonly ActivitySource Source = new(GatewayTelemetry.SourceName);

    internal static Activity? StartCall(GatewayMethod method)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity(method.ActivityName, method.Forwarded ? ActivityKind.Client : ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rpc.system", "grpc");
            activity.SetTag("rpc.service", method.Descriptor.Service.FullName);
            activity.SetTag("rpc.method", method.Descriptor.Name);
        }

        return activity;
    }

    internal static void Completed(Activity? activity, StatusCode status)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("rpc.grpc.status_code", (int)status);
        if (status != StatusCode.OK)
        {
            activity.SetStatus(ActivityStatusCode.Error, status.ToString());
        }
    }
}
