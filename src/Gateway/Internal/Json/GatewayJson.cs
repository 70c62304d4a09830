using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace JourneyGrpc.Gateway.Internal.Json;

/// <summary>
/// The gateway's one JSON configuration. Defaults are NOT written (proto3 JSON's default, and
/// what the legacy APIs do: Avaya omits absent fields, e.g. an ACTIVE engagement has no endDate);
/// a field that must appear even at zero is declared <c>optional</c>. The type registry resolves
/// <c>Any</c>, chiefly error details (google.rpc.BadRequest …) and the served contracts' types.
/// </summary>
internal sealed class GatewayJson
{
    internal GatewayJson(IEnumerable<FileDescriptor> files)
    {
        var all = files.Append(Google.Rpc.ErrorDetailsReflection.Descriptor).Append(Google.Rpc.StatusReflection.Descriptor);
        Registry = TypeRegistry.FromFiles(all.ToArray());
        Formatter = new JsonFormatter(new JsonFormatter.Settings(formatDefaultValues: false, Registry));
        Parser = new JsonParser(new JsonParser.Settings(recursionLimit: 64, Registry).WithIgnoreUnknownFields(false));
    }

    internal TypeRegistry Registry { get; }

    internal JsonFormatter Formatter { get; }

    /// <summary>Parses well-known-type values (Timestamp, Struct, Any …) inside request bodies.</summary>
    internal JsonParser Parser { get; }
}
