namespace JourneyGrpc.Rpc.Internal;

/// <summary>How incoming messages are read: the size cap and the sender's grpc-encoding (null = identity).</summary>
internal readonly record struct MessageReadSettings(int? MaxReceiveMessageSize, string? Encoding);
