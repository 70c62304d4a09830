using System.Collections.Frozen;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace JourneyGrpc.Gateway.Internal.Binding;

/// <summary>Message types whose proto3 JSON form is special (protobuf.dev "ProtoJSON Format"); Google.Protobuf reads and writes them.</summary>
internal static class WellKnownTypes
{
    private static readonly FrozenSet<string> SpecialJson = new[]
    {
        Any.Descriptor, Timestamp.Descriptor, Duration.Descriptor, FieldMask.Descriptor,
        Struct.Descriptor, Value.Descriptor, ListValue.Descriptor,
        DoubleValue.Descriptor, FloatValue.Descriptor, Int64Value.Descriptor, UInt64Value.Descriptor,
        Int32Value.Descriptor, UInt32Value.Descriptor, BoolValue.Descriptor, StringValue.Descriptor, BytesValue.Descriptor,
    }.Select(d => d.FullName).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True for the well-known types with a special JSON form.</summary>
    internal static bool HasSpecialJson(MessageDescriptor descriptor) => SpecialJson.Contains(descriptor.FullName);

    /// <summary>True for the wrappers (Int32Value …): JSON is the bare wrapped value.</summary>
    internal static bool IsWrapper(MessageDescriptor descriptor) => descriptor.File.Name == WrappersReflection.Descriptor.Name;

    /// <summary>True for types whose JSON form is a string, so a query or path value can carry it.</summary>
    internal static bool HasStringForm(MessageDescriptor descriptor) =>
        descriptor.FullName == Timestamp.Descriptor.FullName
        || descriptor.FullName == Duration.Descriptor.FullName
        || descriptor.FullName == FieldMask.Descriptor.FullName;

    /// <summary>True for Struct, Value and ListValue: any JSON.</summary>
    internal static bool IsJsonValue(MessageDescriptor descriptor) =>
        descriptor.FullName == Struct.Descriptor.FullName
        || descriptor.FullName == Value.Descriptor.FullName
        || descriptor.FullName == ListValue.Descriptor.FullName;

    /// <summary>True for google.protobuf.Value, the one type whose JSON null is a value.</summary>
    internal static bool IsValue(MessageDescriptor descriptor) => descriptor.FullName == Value.Descriptor.FullName;
}
