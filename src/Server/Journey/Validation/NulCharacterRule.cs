using System.Collections;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace JourneyGrpc.Server.Journey.Validation;

/// <summary>
/// No text in a journey request may hold the NUL character (U+0000): ids, identifier values, agents,
/// channels and conversations become store ids and index keys, which cannot hold it (PostgreSQL text),
/// and no field of the API has a use for it. Checked on every request, before the request's own rules,
/// over every string of the message: fields, list items, map keys and values, and the strings inside
/// <c>google.protobuf.Value</c>, <c>ListValue</c> and <c>Struct</c>. Violations name the field by its JSON path.
/// </summary>
internal static class NulCharacterRule
{
    internal const string Message = "must not contain the NUL character (U+0000)";

    internal static void Validate(IMessage request)
    {
        var violations = new Violations();
        CheckMessage(violations, request, string.Empty);
        violations.ThrowIfAny();
    }

    private static void CheckMessage(Violations violations, IMessage message, string path)
    {
        switch (message)
        {
            case Value value:
                CheckItem(violations, value.KindCase switch
                {
                    Value.KindOneofCase.StringValue => value.StringValue,
                    Value.KindOneofCase.ListValue => value.ListValue,
                    Value.KindOneofCase.StructValue => value.StructValue,
                    _ => null,
                }, path);
                return;
            case ListValue list:
                for (var i = 0; i < list.Values.Count; i++)
                {
                    CheckItem(violations, list.Values[i], $"{path}[{i}]");
                }

                return;
            case Struct structValue:
                foreach (var (key, item) in structValue.Fields)
                {
                    CheckEntry(violations, key, item, path);
                }

                return;
        }

        foreach (var field in message.Descriptor.Fields.InDeclarationOrder())
        {
            var fieldPath = path.Length == 0 ? field.JsonName : $"{path}.{field.JsonName}";
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                foreach (DictionaryEntry entry in (IDictionary)value)
                {
                    CheckEntry(violations, entry.Key, entry.Value, fieldPath);
                }
            }
            else if (field.IsRepeated)
            {
                var list = (IList)value;
                for (var i = 0; i < list.Count; i++)
                {
                    CheckItem(violations, list[i], $"{fieldPath}[{i}]");
                }
            }
            else
            {
                CheckItem(violations, value, fieldPath);
            }
        }
    }

    private static void CheckEntry(Violations violations, object key, object? value, string mapPath)
    {
        var keyText = Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        var entryPath = $"{mapPath}.{keyText}";
        if (key is string text && HasNul(text))
        {
            violations.Add(entryPath, Message);
            return;
        }

        CheckItem(violations, value, entryPath);
    }

    private static void CheckItem(Violations violations, object? value, string path)
    {
        if (value is string text)
        {
            if (HasNul(text))
            {
                violations.Add(path, Message);
            }
        }
        else if (value is IMessage message)
        {
            CheckMessage(violations, message, path);
        }
    }

    private static bool HasNul(string text) => text.Contains('\0', StringComparison.Ordinal);
}
