using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace JourneyGrpc.Gateway.Internal.Binding;

/// <summary>
/// Turns one path, query or form value into a field value, culture-invariant: numbers, bools,
/// bytes (base64, standard or URL-safe), enums by name or number, and the well-known types whose
/// JSON form is a string (Timestamp, Duration, FieldMask), a wrapped scalar (Int32Value …) or any
/// JSON (Struct, Value, ListValue).
/// </summary>
internal sealed class ScalarParser(JsonParser wellKnownTypeParser)
{
    internal object Parse(FieldDescriptor field, string text, string name)
    {
        switch (field.FieldType)
        {
            case FieldType.Message:
                return ParseMessage(field.MessageType, text, name);
            case FieldType.Enum:
                return ParseEnum(field.EnumType, text) ?? throw new BindingException(name, $"'{text}' is not a value of enum {field.EnumType.FullName}.");
            default:
                return ParseScalar(field.FieldType, text) ?? throw new BindingException(name, $"'{text}' is not a valid {TypeName(field.FieldType)}.");
        }
    }

    /// <summary>An enum value's number from its name or its number; null when neither.</summary>
    internal static object? ParseEnum(EnumDescriptor enumType, string text)
    {
        if (enumType.FindValueByName(text) is { } value)
        {
            return value.Number;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    /// <summary>A scalar from its text form; null when the text is not one.</summary>
    internal static object? ParseScalar(FieldType type, string text) => type switch
    {
        FieldType.Double => ParseDouble(text),
        FieldType.Float => ParseDouble(text) is { } d && (float.IsFinite((float)d) || !double.IsFinite(d)) ? (float)d : null,
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null,
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null,
        FieldType.UInt32 or FieldType.Fixed32 => uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var u) ? u : null,
        FieldType.UInt64 or FieldType.Fixed64 => ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ul) ? ul : null,
        FieldType.Bool => ParseBool(text),
        FieldType.String => text,
        FieldType.Bytes => ParseBytes(text),
        _ => null,
    };

    internal static string TypeName(FieldType type) => type.ToString().ToLowerInvariant();

    /// <summary>Base64, standard or URL-safe, padded or not (proto3 JSON).</summary>
    internal static ByteString? ParseBytes(string text)
    {
        var normalized = text.Replace('-', '+').Replace('_', '/').TrimEnd('=');
        if (normalized.Length % 4 == 1)
        {
            return null;
        }

        normalized = normalized.PadRight(normalized.Length + ((4 - (normalized.Length % 4)) % 4), '=');
        var bytes = new byte[normalized.Length * 3 / 4];
        return Convert.TryFromBase64String(normalized, bytes, out var written) ? ByteString.CopyFrom(bytes, 0, written) : null;
    }

    private static double? ParseDouble(string text) => text switch
    {
        "NaN" => double.NaN,
        "Infinity" => double.PositiveInfinity,
        "-Infinity" => double.NegativeInfinity,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null,
    };

    private static object? ParseBool(string text) => text switch
    {
        "true" or "True" or "TRUE" or "1" => true,
        "false" or "False" or "FALSE" or "0" => false,
        _ => null,
    };

    /// <summary>A message-typed field's value; for a wrapper (Int32Value …), the bare value, as generated C# holds it (<c>int?</c>).</summary>
    private object ParseMessage(MessageDescriptor type, string text, string name)
    {
        if (WellKnownTypes.IsWrapper(type))
        {
            return Parse(type.FindFieldByNumber(1), text, name);
        }

        string json;
        if (WellKnownTypes.HasStringForm(type))
        {
            json = JsonSerializer.Serialize(text, GatewayJsonContext.Default.String);
        }
        else if (WellKnownTypes.IsJsonValue(type))
        {
            json = text;
        }
        else
        {
            throw new BindingException(name, $"{type.FullName} is a message: set its fields as '{name}.<field>'.");
        }

        try
        {
            return wellKnownTypeParser.Parse(json, type);
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or InvalidJsonException)
        {
            throw new BindingException(name, $"'{text}' is not a valid {type.FullName}: {ex.Message}");
        }
    }
}
