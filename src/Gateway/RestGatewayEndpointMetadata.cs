namespace JourneyGrpc.Gateway;

/// <summary>Endpoint metadata marking the REST gateway's endpoints (see <c>UseRestGatewayOnly</c>).</summary>
public sealed class RestGatewayEndpointMetadata
{
    private RestGatewayEndpointMetadata()
    {
    }

    /// <summary>The one instance.</summary>
    public static RestGatewayEndpointMetadata Instance { get; } = new();
}
