using JourneyGrpc.Gateway.Internal.Listeners;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace JourneyGrpc.Gateway;

/// <summary>
/// Separates the REST port from the gRPC port when one host listens on both: requests on a
/// listener marked <see cref="UseRestGatewayOnly"/> reach only the gateway's endpoints, and
/// requests on one marked <see cref="ExcludeRestGateway"/> never reach them.
/// </summary>
public static class RestGatewayListenOptionsExtensions
{
    /// <summary>This listener serves the REST gateway only.</summary>
    public static ListenOptions UseRestGatewayOnly(this ListenOptions listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        RestListener.Tag(listen, rest: true);
        return listen;
    }

    /// <summary>This listener never serves the REST gateway (e.g. the gRPC port).</summary>
    public static ListenOptions ExcludeRestGateway(this ListenOptions listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        RestListener.Tag(listen, rest: false);
        return listen;
    }
}
