namespace JourneyGrpc.Rpc;

/// <summary>Endpoint metadata naming the gRPC method an endpoint serves.</summary>
public sealed class RpcMethodMetadata(IMethod method)
{
    /// <summary>The method.</summary>
    public IMethod Method { get; } = method;
}
