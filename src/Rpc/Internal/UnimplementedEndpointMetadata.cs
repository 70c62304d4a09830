namespace JourneyGrpc.Rpc.Internal;

/// <summary>Marks the catch-all endpoint that answers unmapped gRPC paths with UNIMPLEMENTED.</summary>
internal sealed class UnimplementedEndpointMetadata
{
    internal static readonly UnimplementedEndpointMetadata Instance = new();

    private UnimplementedEndpointMetadata()
    {
    }
}
