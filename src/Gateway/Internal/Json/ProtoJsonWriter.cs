using System.Collections;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Gateway.Internal.Binding;

namespace JourneyGrpc.Gateway.Internal.Json;

/// <summary>
/// Writes messages as compact proto3 JSON (https://protobuf.dev/programming-guides/json/):
/// fields in field-number order under their JSON names, defaults omitted, explicit presence
/// honoured, 64-bit integers as strings unless the method or field says <c>int64_as_number</c>
/// (the legacy APIs send numbers), the entries of a <c>capture_unknown_keys</c> Struct as keys of
/// the object itself. Timestamp, Duration and FieldMask strings come from Google.Protobuf's
/// <see cref="JsonFormatter"/>; everything else is written here, without the formatter's spaces
/// and HTML escapes, so a response is one line of the bytes legacy clients expect.
/// </summary>
internal sealed class ProtoJsonWriter(JsonFormatter formatter, TypeRegistry registry, bool allInt64AsNumbers, IReadOnlySet<FieldDescriptor> int64NumberFields)
{
    internal void WriteMessage(TextWriter writer, IMessage message) => WriteObject(writer, message);

    /// <summary>Writes one field's value (<c>response_body</c>): an array, an object or a scalar.</summary>
    internal void WriteField(TextWriter writer, FieldDescriptor field, object? value)
    {
        if (value is null)
        {
            writer.Write("null");
            return;
        }

        WriteFieldValue(writer, field, value);
    }

    private void WriteObject(TextWriter writer, IMessage message)
    {
        switch (message)
        {
            case Struct s:
                WriteStruct(writer, s);
                return;
            case Value v:
                WriteJsonValue(writer, v);
                return;
            case ListValue l:
                WriteList(writer, l);
                return;
            case Any any:
                WriteAny(writer, any);
                return;
            case var _ when WellKnownTypes.HasSpecialJson(message.Descriptor):
                formatter.WriteValue(writer, message);
                return;
        }

        writer.Write('{');
        var first = true;
        var captured = CapturedKeysLookup.For(message.Descriptor);
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var value = field.Accessor.GetValue(message);
            if (field == captured || (field.HasPresence ? !field.Accessor.HasValue(message) : IsDefault(field, value)))
            {
                continue;
            }

            first = WriteSeparator(writer, first);
            JsonText.WriteString(writer, field.JsonName);
            writer.Write(':');
            WriteFieldValue(writer, field, value!);
        }

        if (captured?.Accessor.GetValue(message) is Struct keys)
        {
            WriteCapturedKeys(writer, message.Descriptor, keys, first);
        }

        writer.Write('}');
    }

    // The capture_unknown_keys entries, as keys of the object itself; one that names a field is skipped
    // (it would repeat that key).
    private void WriteCapturedKeys(TextWriter writer, MessageDescriptor descriptor, Struct keys, bool first)
    {
        var named = JsonFieldLookup.For(descriptor);
        foreach (var (key, value) in keys.Fields)
        {
            if (named.ContainsKey(key))
            {
                continue;
            }

            first = WriteSeparator(writer, first);
            JsonText.WriteString(writer, key);
            writer.Write(':');
            WriteJsonValue(writer, value);
        }
    }

    private void WriteFieldValue(TextWriter writer, FieldDescriptor field, object value)
    {
        var asNumber = allInt64AsNumbers || int64NumberFields.Contains(field);
        if (field.IsMap)
        {
            var valueField = field.MessageType.FindFieldByNumber(2);
            writer.Write('{');
            var first = true;
            foreach (DictionaryEntry entry in (IDictionary)value)
            {
                first = WriteSeparator(writer, first);
                JsonText.WriteString(writer, entry.Key switch
                {
                    bool b => b ? "true" : "false",
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    var k => k.ToString()!,
                });
                writer.Write(':');
                WriteSingle(writer, valueField, entry.Value!, asNumber);
            }

            writer.Write('}');
        }
        else if (field.IsRepeated)
        {
            writer.Write('[');
            var first = true;
            foreach (var item in (IList)value)
            {
                first = WriteSeparator(writer, first);
                WriteSingle(writer, field, item!, asNumber);
            }

            writer.Write(']');
        }
        else
        {
            WriteSingle(writer, field, value, asNumber);
        }
    }

    private void WriteSingle(TextWriter writer, FieldDescriptor field, object value, bool int64AsNumber)
    {
        switch (value)
        {
            case IMessage message:
                WriteObject(writer, message);
                break;
            case string s:
                JsonText.WriteString(writer, s);
                break;
            case bool b:
                writer.Write(b ? "true" : "false");
                break;
            case int or uint:
                writer.Write(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                break;
            case long or ulong:
                var text = ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture);
                if (int64AsNumber)
                {
                    writer.Write(text);
                }
                else
                {
                    JsonText.WriteString(writer, text);
                }

                break;
            case ByteString bytes:
                JsonText.WriteString(writer, bytes.ToBase64());
                break;
            case System.Enum when field.FieldType == FieldType.Enum:
                var number = Convert.ToInt32(value, CultureInfo.InvariantCulture);
                if (field.EnumType.FindValueByNumber(number) is { } enumValue)
                {
                    JsonText.WriteString(writer, enumValue.Name);
                }
                else
                {
                    writer.Write(number.ToString(CultureInfo.InvariantCulture));
                }

                break;
            default:
                // float and double: the formatter's round-trip text, "NaN" and "Infinity" quoted.
                formatter.WriteValue(writer, value);
                break;
        }
    }

    private void WriteStruct(TextWriter writer, Struct value)
    {
        writer.Write('{');
        var first = true;
        foreach (var (key, item) in value.Fields)
        {
            first = WriteSeparator(writer, first);
            JsonText.WriteString(writer, key);
            writer.Write(':');
            WriteJsonValue(writer, item);
        }

        writer.Write('}');
    }

    private void WriteList(TextWriter writer, ListValue value)
    {
        writer.Write('[');
        var first = true;
        foreach (var item in value.Values)
        {
            first = WriteSeparator(writer, first);
            WriteJsonValue(writer, item);
        }

        writer.Write(']');
    }

    private void WriteJsonValue(TextWriter writer, Value value)
    {
        switch (value.KindCase)
        {
            case Value.KindOneofCase.StructValue:
                WriteStruct(writer, value.StructValue);
                break;
            case Value.KindOneofCase.ListValue:
                WriteList(writer, value.ListValue);
                break;
            case Value.KindOneofCase.StringValue:
                JsonText.WriteString(writer, value.StringValue);
                break;
            case Value.KindOneofCase.BoolValue:
                writer.Write(value.BoolValue ? "true" : "false");
                break;
            case Value.KindOneofCase.NumberValue:
                formatter.WriteValue(writer, value.NumberValue);
                break;
            default:
                writer.Write("null");
                break;
        }
    }

    private void WriteAny(TextWriter writer, Any any)
    {
        var descriptor = registry.Find(Any.GetTypeName(any.TypeUrl));
        if (descriptor is null)
        {
            // Unknown type: the formatter reports it the same way for every caller.
            formatter.WriteValue(writer, any);
            return;
        }

        var packed = descriptor.Parser.ParseFrom(any.Value);
        writer.Write('{');
        writer.Write("\"@type\":");
        JsonText.WriteString(writer, any.TypeUrl);
        var body = new StringWriter(CultureInfo.InvariantCulture);
        WriteObject(body, packed);
        var text = body.ToString();
        if (WellKnownTypes.HasSpecialJson(descriptor))
        {
            writer.Write(",\"value\":");
            writer.Write(text);
        }
        else if (text.Length > 2)
        {
            writer.Write(',');
            writer.Write(text.AsSpan(1, text.Length - 2));
        }

        writer.Write('}');
    }

    private static bool WriteSeparator(TextWriter writer, bool first)
    {
        if (!first)
        {
            writer.Write(',');
        }

        return false;
    }

    private static bool IsDefault(FieldDescriptor field, object? value) => value switch
    {
        null => true,
        IDictionary map when field.IsMap => map.Count == 0,
        IList list when field.IsRepeated => list.Count == 0,
        string s => s.Length == 0,
        ByteString bytes => bytes.IsEmpty,
        bool b => !b,
        int i => i == 0,
        long l => l == 0,
        uint u => u == 0,
        ulong ul => ul == 0,
        double d => d == 0,
        float f => f == 0,
        System.Enum e => Convert.ToInt32(e, CultureInfo.InvariantCulture) == 0,
        _ => false,
    };
}
