using Google.Protobuf.Reflection;
using JourneyGrpc.Gateway.Internal.Binding;
using JourneyGrpc.Gateway.Internal.Handlers;
using JourneyGrpc.Gateway.Internal.Telemetry;
using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Gateway.Internal.Routing;

/// <summary>One HTTP binding of a method (its HttpRule or one of its additional_bindings), built at start-up.</summary>
internal sealed class GatewayRoute(string httpMethod, PathPattern pattern, GatewayMethod method, RequestBinder binder, FieldDescriptor? responseBody, int order)
{
    /// <summary>Upper-case HTTP method, or <c>*</c> for a custom pattern of kind <c>*</c>.</summary>
    internal string HttpMethod { get; } = httpMethod;

    internal PathPattern Pattern { get; } = pattern;

    internal GatewayMethod Method { get; } = method;

    internal RequestBinder Binder { get; } = binder;

    /// <summary>The response field written instead of the whole message (<c>response_body</c>).</summary>
    internal FieldDescriptor? ResponseBody { get; } = responseBody;

    /// <summary>Declaration order: breaks ties between equally specific routes.</summary>
    internal int Order { get; } = order;

    internal GatewayRouteHandler Handler { get; set; } = null!;

    private Endpoint? _endpoint;

    /// <summary>
    /// The gateway's endpoint with this route's template as its <c>http.route</c> (<see cref="RouteDiagnostics"/>):
    /// set on a matched request so that its metrics and span name the route. Made on the first request from
    /// the endpoint routing chose (the same one every time), then reused.
    /// </summary>
    internal Endpoint DiagnosticsEndpoint(Endpoint? matched)
    {
        if (_endpoint is { } endpoint)
        {
            return endpoint;
        }

        var template = Pattern.Template.Text;
        var metadata = new List<object>(matched?.Metadata ?? EndpointMetadataCollection.Empty) { new RouteDiagnostics(template) };
        return _endpoint = new Endpoint(matched?.RequestDelegate, new EndpointMetadataCollection(metadata), $"REST gateway - {HttpMethod} {template}");
    }

    public override string ToString() => $"{HttpMethod} {Pattern.Template.Text} -> {Method.Descriptor.FullName}";
}
