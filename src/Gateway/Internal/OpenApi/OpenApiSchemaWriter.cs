using System.Text.Json;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Gateway.Internal.Binding;

namespace JourneyGrpc.Gateway.Internal.OpenApi;

/// <summary>
/// JSON Schemas (OpenAPI 3.0 dialect) of messages and fields as the gateway reads and writes
/// them: JSON names, 64-bit integers as strings (or integers where <c>int64_as_number</c> says),
/// enums by name, the well-known types in their JSON forms. Message schemas go to
/// <c>components/schemas</c> under their full names and are referenced.
/// </summary>
internal sealed class OpenApiSchemaWriter
{
    private readonly SortedDictionary<string, MessageDescriptor> _messages = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, EnumDescriptor> _enums = new(StringComparer.Ordinal);

    internal static string Ref(string name) => "#/components/schemas/" + name;

    /// <summary>Writes a reference to <paramref name="message"/>'s schema (or its inline JSON form for a well-known type).</summary>
    internal void WriteMessageRef(Utf8JsonWriter writer, MessageDescriptor message)
    {
        if (WriteWellKnown(writer, message))
        {
            return;
        }

        Collect(message);
        writer.WriteStartObject();
        writer.WriteString("$ref", Ref(message.FullName));
        writer.WriteEndObject();
    }

    /// <summary>Writes the schema of a field's whole value (array for repeated, object for map).</summary>
    internal void WriteField(Utf8JsonWriter writer, FieldDescriptor field, bool int64AsNumber)
    {
        if (field.IsMap)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "object");
            writer.WritePropertyName("additionalProperties");
            WriteSingle(writer, field.MessageType.FindFieldByNumber(2), int64AsNumber);
            writer.WriteEndObject();
        }
        else if (field.IsRepeated)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "array");
            writer.WritePropertyName("items");
            WriteSingle(writer, field, int64AsNumber);
            writer.WriteEndObject();
        }
        else
        {
            WriteSingle(writer, field, int64AsNumber);
        }
    }

    /// <summary>Writes every collected message and enum schema; collecting continues while writing.</summary>
    internal void WriteComponents(Utf8JsonWriter writer, Func<FieldDescriptor, bool> int64AsNumber)
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        while (_messages.Keys.FirstOrDefault(k => !written.Contains(k)) is { } name)
        {
            written.Add(name);
            var message = _messages[name];
            writer.WritePropertyName(name);
            writer.WriteStartObject();
            writer.WriteString("type", "object");
            writer.WritePropertyName("properties");
            writer.WriteStartObject();
            var captured = CapturedKeysLookup.For(message);
            foreach (var field in message.Fields.InFieldNumberOrder())
            {
                if (field == captured)
                {
                    continue;
                }

                writer.WritePropertyName(field.JsonName);
                WriteField(writer, field, int64AsNumber(field));
            }

            writer.WriteEndObject();
            if (captured is not null)
            {
                // Keys no field names are kept (capture_unknown_keys), whatever their JSON value.
                writer.WriteBoolean("additionalProperties", true);
            }

            writer.WriteEndObject();
        }

        foreach (var (name, enumType) in _enums)
        {
            writer.WritePropertyName(name);
            writer.WriteStartObject();
            writer.WriteString("type", "string");
            writer.WriteStartArray("enum");
            foreach (var value in enumType.Values)
            {
                writer.WriteStringValue(value.Name);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }
    }

    /// <summary>Writes the schema of one scalar, enum or message value.</summary>
    internal void WriteSingle(Utf8JsonWriter writer, FieldDescriptor field, bool int64AsNumber)
    {
        switch (field.FieldType)
        {
            case FieldType.Message:
                WriteMessageRef(writer, field.MessageType);
                return;
            case FieldType.Enum:
                _enums[field.EnumType.FullName] = field.EnumType;
                writer.WriteStartObject();
                writer.WriteString("$ref", Ref(field.EnumType.FullName));
                writer.WriteEndObject();
                return;
        }

        var (type, format) = field.FieldType switch
        {
            FieldType.Double => ("number", "double"),
            FieldType.Float => ("number", "float"),
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => ("integer", "int32"),
            FieldType.UInt32 or FieldType.Fixed32 => ("integer", "int64"),
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 or FieldType.UInt64 or FieldType.Fixed64 => (int64AsNumber ? "integer" : "string", "int64"),
            FieldType.Bool => ("boolean", null),
            FieldType.Bytes => ("string", "byte"),
            _ => ("string", (string?)null),
        };
        WriteType(writer, type, format);
    }

    private static void WriteType(Utf8JsonWriter writer, string type, string? format, bool nullable = false)
    {
        writer.WriteStartObject();
        writer.WriteString("type", type);
        if (format is not null)
        {
            writer.WriteString("format", format);
        }

        if (nullable)
        {
            writer.WriteBoolean("nullable", true);
        }

        writer.WriteEndObject();
    }

    private bool WriteWellKnown(Utf8JsonWriter writer, MessageDescriptor message)
    {
        if (WellKnownTypes.IsWrapper(message))
        {
            var inner = message.FindFieldByNumber(1);
            var (type, format) = inner.FieldType switch
            {
                FieldType.Double or FieldType.Float => ("number", (string?)null),
                FieldType.Int32 or FieldType.UInt32 => ("integer", "int32"),
                FieldType.Int64 or FieldType.UInt64 => ("string", "int64"),
                FieldType.Bool => ("boolean", null),
                FieldType.Bytes => ("string", "byte"),
                _ => ("string", null),
            };
            WriteType(writer, type, format, nullable: true);
            return true;
        }

        switch (message.FullName)
        {
            case var name when name == Timestamp.Descriptor.FullName:
                WriteType(writer, "string", "date-time");
                return true;
            case var name when name == Duration.Descriptor.FullName || name == FieldMask.Descriptor.FullName:
                WriteType(writer, "string", null);
                return true;
            case var name when name == Struct.Descriptor.FullName || name == Any.Descriptor.FullName:
                writer.WriteStartObject();
                writer.WriteString("type", "object");
                writer.WriteBoolean("additionalProperties", true);
                writer.WriteEndObject();
                return true;
            case var name when name == Value.Descriptor.FullName:
                writer.WriteStartObject();
                writer.WriteEndObject();
                return true;
            case var name when name == ListValue.Descriptor.FullName:
                writer.WriteStartObject();
                writer.WriteString("type", "array");
                writer.WritePropertyName("items");
                writer.WriteStartObject();
                writer.WriteEndObject();
                writer.WriteEndObject();
                return true;
            default:
                return false;
        }
    }

    private void Collect(MessageDescriptor message) => _messages.TryAdd(message.FullName, message);
}
