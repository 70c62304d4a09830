using System.Text.Json.Serialization;

namespace JourneyGrpc.Gateway.Internal.Binding;

/// <summary>Source-generated System.Text.Json metadata for the few plain values the gateway serializes.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class GatewayJsonContext : JsonSerializerContext
{
}
