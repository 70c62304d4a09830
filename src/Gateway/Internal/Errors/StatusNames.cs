using Grpc.Core;

namespace JourneyGrpc.Gateway.Internal.Errors;

/// <summary>The canonical names of gRPC status codes (<c>NOT_FOUND</c>), from google.rpc.Code's descriptor.</summary>
internal static class StatusNames
{
    internal static string Of(StatusCode code) =>
        Google.Rpc.CodeReflection.Descriptor.EnumTypes[0].FindValueByNumber((int)code)?.Name ?? ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
