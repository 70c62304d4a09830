namespace JourneyGrpc.Rpc.Generator;

/// <summary>The four call kinds; names match <c>JourneyGrpc.Rpc.MethodType</c> members.</summary>
internal enum RpcKind
{
    Unary,
    ClientStreaming,
    ServerStreaming,
    DuplexStreaming,
}
