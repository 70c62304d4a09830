using Google.Protobuf.Reflection;

namespace JourneyGrpc.Gateway;

/// <summary>Options of the REST gateway; bound from configuration section <c>Gateway</c>.</summary>
public sealed class RestGatewayOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Gateway";

    /// <summary>
    /// Upstream gRPC servers to forward to: <c>http://host:port</c> (every service, round-robin when
    /// several) or <c>package.Service=http://host:port</c> (that service only). Empty (the default):
    /// call the services this process mapped with <c>MapGrpcService</c>, in-process.
    /// </summary>
    public List<string> Upstreams { get; } = [];

    /// <summary>The services to expose when forwarding (in-process, the mapped services are used).</summary>
    public IList<ServiceDescriptor> Services { get; } = [];

    /// <summary>Request headers passed to the call as metadata; case-insensitive.</summary>
    public ISet<string> ForwardedHeaders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "authorization", "appkey", "x-request-id" };

    /// <summary>Largest request body accepted; larger gets 413. Defaults to 4,194,304 (4 MiB), gRPC's default message limit.</summary>
    public int MaxRequestBodySize { get; set; } = 4 * 1024 * 1024;
}
