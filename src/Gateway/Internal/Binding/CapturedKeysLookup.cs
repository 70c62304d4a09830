using System.Collections.Concurrent;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Api.V1;

namespace JourneyGrpc.Gateway.Internal.Binding;

/// <summary>
/// A message's <c>capture_unknown_keys</c> field, if it has one: the <see cref="Struct"/> that holds
/// the JSON keys no field names. Checked once per message type, at start-up for every type a route
/// reaches: the option on anything but one singular Struct field per message is a contract error.
/// </summary>
internal static class CapturedKeysLookup
{
    private static readonly ConcurrentDictionary<MessageDescriptor, FieldDescriptor?> Cache = new();

    internal static FieldDescriptor? For(MessageDescriptor descriptor) => Cache.GetOrAdd(descriptor, Find);

    private static FieldDescriptor? Find(MessageDescriptor descriptor)
    {
        FieldDescriptor? found = null;
        foreach (var field in descriptor.Fields.InDeclarationOrder())
        {
            if (field.GetOptions()?.GetExtension(HttpOptionsExtensions.RestField)?.CaptureUnknownKeys != true)
            {
                continue;
            }

            if (field.IsRepeated || field.FieldType != FieldType.Message || field.MessageType != Struct.Descriptor)
            {
                throw new InvalidOperationException($"{field.FullName}: capture_unknown_keys needs a singular google.protobuf.Struct field.");
            }

            if (found is not null)
            {
                throw new InvalidOperationException($"{descriptor.FullName}: capture_unknown_keys is set on both {found.Name} and {field.Name}; a message may have one.");
            }

            found = field;
        }

        return found;
    }
}
