using System.Collections.Concurrent;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

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

    private static FieldDescriptor? Find(MessageDescriptor descriptor) => RestFieldMarks.FindSingle(
        descriptor,
        static options => options.CaptureUnknownKeys,
        "capture_unknown_keys",
        static field => !field.IsRepeated && field.FieldType == FieldType.Message && field.MessageType == Struct.Descriptor,
        "a singular google.protobuf.Struct field");
}
