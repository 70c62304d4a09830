namespace JourneyGrpc.Rpc.Generator;

/// <summary>One marshaller field: a message type used by some method of the service.</summary>
internal sealed record MarshallerModel(string FieldName, string MessageType);
