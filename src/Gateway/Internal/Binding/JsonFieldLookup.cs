using System.Collections.Concurrent;
using System.Collections.Frozen;
using Google.Protobuf.Reflection;

namespace JourneyGrpc.Gateway.Internal.Binding;

/// <summary>
/// A message's fields by every name a client may use: the JSON name (lowerCamelCase or
/// <c>json_name</c>) and the original proto name, as proto3 JSON parsers must accept both.
/// Built once per message type; the gateway builds them for every reachable type at start-up.
/// </summary>
internal static class JsonFieldLookup
{
    private static readonly ConcurrentDictionary<MessageDescriptor, FrozenDictionary<string, FieldDescriptor>> Cache = new();

    internal static FrozenDictionary<string, FieldDescriptor> For(MessageDescriptor descriptor) =>
        Cache.GetOrAdd(descriptor, static d =>
        {
            var names = new Dictionary<string, FieldDescriptor>(StringComparer.Ordinal);
            foreach (var field in d.Fields.InDeclarationOrder())
            {
                names.TryAdd(field.JsonName, field);
                names.TryAdd(field.Name, field);
            }

            return names.ToFrozenDictionary(StringComparer.Ordinal);
        });

    /// <summary>Builds the lookups of <paramref name="descriptor"/> and every message type it reaches, and checks their capture_unknown_keys fields.</summary>
    internal static void Prepare(MessageDescriptor descriptor)
    {
        foreach (var message in ReachableMessages.From(descriptor))
        {
            For(message);
            CapturedKeysLookup.For(message);
        }
    }
}
