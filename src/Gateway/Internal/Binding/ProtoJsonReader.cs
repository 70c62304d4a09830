using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;

namespace JourneyGrpc.Gateway.Internal.Binding;

/// <summary>
/// Reads a proto3 JSON body into a message, driven by its descriptor, so that every failure
/// names the field (<c>thing.labels[1]</c>): unknown fields are rejected (or kept in the message's
/// <c>capture_unknown_keys</c> Struct when it has one), both JSON and proto
/// names are accepted, <c>null</c> means the default, and the well-known types with a special
/// JSON form are handed to Google.Protobuf's <see cref="JsonParser"/>.
/// See https://protobuf.dev/programming-guides/json/.
/// </summary>
internal sealed class ProtoJsonReader(JsonParser wellKnownTypeParser)
{
    internal const string MalformedMessage = "Request JSON payload is not correctly formatted.";

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    /// <summary>Merges the JSON object <paramref name="json"/> into <paramref name="message"/>; empty JSON changes nothing.</summary>
    internal void MergeMessage(IMessage message, ReadOnlySpan<byte> json) => Merge(message, field: null, json);

    /// <summary>Reads the JSON value <paramref name="json"/> into one field (<c>body: "field"</c>).</summary>
    internal void MergeField(IMessage message, FieldDescriptor field, ReadOnlySpan<byte> json) => Merge(message, field, json);

    // Reads one JSON document into the whole message (field null) or into one of its fields.
    private void Merge(IMessage message, FieldDescriptor? field, ReadOnlySpan<byte> json)
    {
        if (json.Trim(" \t\r\n"u8).IsEmpty)
        {
            return;
        }

        var reader = new Utf8JsonReader(json, ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                return;
            }

            if (field is not null)
            {
                ReadField(message, field, ref reader, json, string.Empty);
            }
            else if (WellKnownTypes.HasSpecialJson(message.Descriptor))
            {
                message.MergeFrom(ReadWellKnown(message.Descriptor, ref reader, json, string.Empty).ToByteString());
            }
            else if (reader.TokenType != JsonTokenType.Null)
            {
                MergeObject(message, ref reader, json, string.Empty);
            }

            reader.Read();
        }
        catch (JsonException ex)
        {
            throw Malformed(string.Empty, ex);
        }
    }

    private void MergeObject(IMessage message, ref Utf8JsonReader reader, ReadOnlySpan<byte> json, string path)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new BindingException(path, $"expected an object for {message.Descriptor.FullName}, got {TokenName(reader.TokenType)}.");
        }

        var fields = JsonFieldLookup.For(message.Descriptor);
        HashSet<OneofDescriptor>? oneofs = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = ReadPropertyName(ref reader, path);
            var fieldPath = path.Length == 0 ? name : path + "." + name;
            if (!fields.TryGetValue(name, out var field))
            {
                if (CapturedKeysLookup.For(message.Descriptor) is not { } captured)
                {
                    throw new BindingException(fieldPath, "unknown field.");
                }

                CaptureKey(message, captured, name, ref reader, json, fieldPath);
                continue;
            }

            try
            {
                reader.Read();
                if (field.RealContainingOneof is { } oneof && reader.TokenType != JsonTokenType.Null && !(oneofs ??= []).Add(oneof))
                {
                    throw new BindingException(fieldPath, $"another field of oneof '{oneof.Name}' is already set.");
                }

                ReadField(message, field, ref reader, json, fieldPath);
            }
            catch (JsonException ex)
            {
                throw Malformed(fieldPath, ex);
            }
        }
    }

    // A key no field names, kept in the message's capture_unknown_keys Struct with its JSON value.
    private void CaptureKey(IMessage message, FieldDescriptor captured, string name, ref Utf8JsonReader reader, ReadOnlySpan<byte> json, string path)
    {
        try
        {
            reader.Read();
            if (captured.Accessor.GetValue(message) is not Struct keys)
            {
                keys = new Struct();
                captured.Accessor.SetValue(message, keys);
            }

            keys.Fields[name] = (Value)ReadWellKnown(Value.Descriptor, ref reader, json, path);
        }
        catch (JsonException ex)
        {
            throw Malformed(path, ex);
        }
    }

    private void ReadField(IMessage message, FieldDescriptor field, ref Utf8JsonReader reader, ReadOnlySpan<byte> json, string path)
    {
        // null means "the default" for every field but a google.protobuf.Value, where it is a value.
        if (reader.TokenType == JsonTokenType.Null && !(field.FieldType == FieldType.Message && !field.IsRepeated && WellKnownTypes.IsValue(field.MessageType)))
        {
            return;
        }

        if (field.IsMap)
        {
            ReadMap((IDictionary)field.Accessor.GetValue(message), field.MessageType, ref reader, json, path);
        }
        else if (field.IsRepeated)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new BindingException(path, $"expected an array, got {TokenName(reader.TokenType)}.");
            }

            var list = (IList)field.Accessor.GetValue(message);
            for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
            {
                var itemPath = path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
                if (reader.TokenType == JsonTokenType.Null)
                {
                    throw new BindingException(itemPath, "null is not allowed in a repeated field.");
                }

                list.Add(ReadValue(field, ref reader, json, itemPath));
            }
        }
        else if (field.FieldType == FieldType.Message && !WellKnownTypes.HasSpecialJson(field.MessageType))
        {
            if (field.Accessor.GetValue(message) is not IMessage child)
            {
                child = MessageFactory.Create(field.MessageType);
                field.Accessor.SetValue(message, child);
            }

            MergeObject(child, ref reader, json, path);
        }
        else
        {
            field.Accessor.SetValue(message, ReadValue(field, ref reader, json, path));
        }
    }

    private void ReadMap(IDictionary map, MessageDescriptor entry, ref Utf8JsonReader reader, ReadOnlySpan<byte> json, string path)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new BindingException(path, $"expected an object, got {TokenName(reader.TokenType)}.");
        }

        var keyField = entry.FindFieldByNumber(1);
        var valueField = entry.FindFieldByNumber(2);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyText = ReadPropertyName(ref reader, path);
            var entryPath = path + "[" + keyText + "]";
            var key = ScalarParser.ParseScalar(keyField.FieldType, keyText)
                ?? throw new BindingException(entryPath, $"'{keyText}' is not a valid {ScalarParser.TypeName(keyField.FieldType)} map key.");
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null && !(valueField.FieldType == FieldType.Message && WellKnownTypes.IsValue(valueField.MessageType)))
            {
                throw new BindingException(entryPath, "null is not allowed as a map value.");
            }

            map[key] = ReadValue(valueField, ref reader, json, entryPath);
        }
    }

    /// <summary>One singular value of <paramref name="field"/>'s type (a list item or map value too).</summary>
    private object ReadValue(FieldDescriptor field, ref Utf8JsonReader reader, ReadOnlySpan<byte> json, string path)
    {
        var token = reader.TokenType;
        switch (field.FieldType)
        {
            // Generated C# holds a wrapper field as its bare value (int?), and its JSON is the bare value too.
            case FieldType.Message when WellKnownTypes.IsWrapper(field.MessageType):
                return ReadValue(field.MessageType.FindFieldByNumber(1), ref reader, json, path);
            case FieldType.Message when WellKnownTypes.HasSpecialJson(field.MessageType):
                return ReadWellKnown(field.MessageType, ref reader, json, path);
            case FieldType.Message:
                var message = MessageFactory.Create(field.MessageType);
                MergeObject(message, ref reader, json, path);
                return message;
            case FieldType.Enum when token == JsonTokenType.String:
                var name = ReadString(ref reader, path);
                return field.EnumType.FindValueByName(name)?.Number
                    ?? throw new BindingException(path, $"'{name}' is not a value of enum {field.EnumType.FullName}.");
            case FieldType.Enum when token == JsonTokenType.Number && reader.TryGetInt32(out var enumNumber):
                return enumNumber;
            case FieldType.Bool when token is JsonTokenType.True or JsonTokenType.False:
                return token == JsonTokenType.True;
            case FieldType.String when token == JsonTokenType.String:
                return ReadString(ref reader, path);
            case FieldType.Bytes when token == JsonTokenType.String:
                return ScalarParser.ParseBytes(ReadString(ref reader, path)) ?? throw new BindingException(path, "not valid base64.");
            case FieldType.Enum or FieldType.Bool or FieldType.String or FieldType.Bytes:
                throw WrongType(field, token, path);
            default:
                return ReadNumber(field.FieldType, ref reader, path);
        }
    }

    /// <summary>Numbers arrive as JSON numbers or, per proto3 JSON, as strings.</summary>
    private static object ReadNumber(FieldType type, ref Utf8JsonReader reader, string path)
    {
        string text;
        if (reader.TokenType == JsonTokenType.String)
        {
            text = ReadString(ref reader, path);
        }
        else if (reader.TokenType == JsonTokenType.Number)
        {
            text = Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);

            // 1e3 and 1.0 are integers too (proto3 JSON accepts exponent notation).
            if (type is not (FieldType.Double or FieldType.Float) && !IsPlainInteger(text)
                && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && Math.Abs(d) < 1e19)
            {
                text = d.ToString("F0", CultureInfo.InvariantCulture);
            }
        }
        else
        {
            throw new BindingException(path, $"expected {ScalarParser.TypeName(type)}, got {TokenName(reader.TokenType)}.");
        }

        return ScalarParser.ParseScalar(type, text)
            ?? throw new BindingException(path, $"'{text}' is not a valid {ScalarParser.TypeName(type)}.");
    }

    private IMessage ReadWellKnown(MessageDescriptor type, ref Utf8JsonReader reader, ReadOnlySpan<byte> json, string path)
    {
        var start = (int)reader.TokenStartIndex;
        SkipValue(ref reader, path);
        var text = Encoding.UTF8.GetString(json[start..(int)reader.BytesConsumed]);
        try
        {
            return wellKnownTypeParser.Parse(text, type);
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or InvalidJsonException)
        {
            throw new BindingException(path, $"invalid {type.FullName}: {ex.Message}");
        }
    }

    /// <summary>
    /// A string token's text. Utf8JsonReader checks structure, not the bytes inside strings, so
    /// invalid UTF-8 and lone surrogate escapes surface here (as InvalidOperationException) and
    /// become a binding error naming the field.
    /// </summary>
    private static string ReadString(ref Utf8JsonReader reader, string path)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new BindingException(path, BodyEncoding.DescribeUnreadableString(RawValue(ref reader)));
        }
    }

    // A property name that is not text can't name its field: the error names the object holding it.
    private static string ReadPropertyName(ref Utf8JsonReader reader, string objectPath)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            var reason = BodyEncoding.DescribeUnreadableString(RawValue(ref reader));
            throw new BindingException(objectPath, reason == BodyEncoding.InvalidUtf8 ? BodyEncoding.InvalidUtf8PropertyName : reason);
        }
    }

    private static ReadOnlySpan<byte> RawValue(ref Utf8JsonReader reader) =>
        reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan;

    /// <summary>
    /// <see cref="Utf8JsonReader.Skip"/> that also reads every string and property name inside the
    /// value, so a well-known type's JSON (handed on as text) holds only valid Unicode.
    /// </summary>
    private static void SkipValue(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            ReadString(ref reader, path);
        }

        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        // The matching end token is back at the start token's depth.
        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
            {
                ReadString(ref reader, path);
            }
        }
    }

    private static bool IsPlainInteger(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i]) && !(i == 0 && text[i] == '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static BindingException WrongType(FieldDescriptor field, JsonTokenType token, string path)
    {
        var expected = field.FieldType == FieldType.Enum ? "enum " + field.EnumType.FullName : ScalarParser.TypeName(field.FieldType);
        return new BindingException(path, $"expected {expected}, got {TokenName(token)}.");
    }

    private static BindingException Malformed(string path, JsonException exception) =>
        new(path, MalformedMessage + " " + exception.Message);

    private static string TokenName(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
