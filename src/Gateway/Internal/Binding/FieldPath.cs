using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace JourneyGrpc.Gateway.Internal.Binding;

/// <summary>A dotted path of fields from a request message to one (possibly nested) field, resolved once.</summary>
internal sealed class FieldPath
{
    private FieldPath(IReadOnlyList<FieldDescriptor> fields, string text)
    {
        Fields = fields;
        Text = text;
    }

    internal IReadOnlyList<FieldDescriptor> Fields { get; }

    internal FieldDescriptor Leaf => Fields[^1];

    /// <summary>The path in proto field names, e.g. <c>thing.id</c>.</summary>
    internal string Text { get; }

    /// <summary>
    /// Resolves <paramref name="path"/> by proto field names (as http.proto requires for
    /// templates and <c>body</c>); throws with the reason when a segment is not a field or an
    /// intermediate field is not a singular message.
    /// </summary>
    internal static FieldPath Resolve(MessageDescriptor root, string path)
    {
        var fields = new List<FieldDescriptor>();
        var current = root;
        foreach (var name in path.Split('.'))
        {
            if (current is null)
            {
                throw new InvalidOperationException($"'{path}': '{fields[^1].Name}' is not a message field, so it has no field '{name}'.");
            }

            var field = current.FindFieldByName(name)
                ?? throw new InvalidOperationException($"'{path}': {current.FullName} has no field '{name}'.");
            if (fields.Count > 0 && fields[^1].IsRepeated)
            {
                throw new InvalidOperationException($"'{path}': '{fields[^1].Name}' is repeated.");
            }

            fields.Add(field);
            current = field.FieldType == FieldType.Message && !field.IsMap ? field.MessageType : null;
        }

        return new FieldPath(fields, path);
    }

    /// <summary>
    /// Resolves a query key by JSON or proto names per segment; null when a segment names no
    /// field or the path runs through a repeated or well-known field.
    /// </summary>
    internal static FieldPath? TryResolveQueryKey(MessageDescriptor root, string key)
    {
        var fields = new List<FieldDescriptor>();
        var current = root;
        var names = new List<string>();
        foreach (var name in key.Split('.'))
        {
            if (current is null || !JsonFieldLookup.For(current).TryGetValue(name, out var field))
            {
                return null;
            }

            fields.Add(field);
            names.Add(field.Name);
            current = field.FieldType == FieldType.Message && !field.IsRepeated && !WellKnownTypes.HasSpecialJson(field.MessageType) ? field.MessageType : null;
        }

        return new FieldPath(fields, string.Join('.', names));
    }

    /// <summary>True when this path is <paramref name="other"/> or lies under it.</summary>
    internal bool StartsWith(FieldPath other)
    {
        if (other.Fields.Count > Fields.Count)
        {
            return false;
        }

        for (var i = 0; i < other.Fields.Count; i++)
        {
            if (other.Fields[i] != Fields[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The message that holds the leaf field, creating the messages on the way.</summary>
    internal IMessage GetOrCreateParent(IMessage root)
    {
        var current = root;
        for (var i = 0; i < Fields.Count - 1; i++)
        {
            var field = Fields[i];
            if (field.Accessor.GetValue(current) is not IMessage child)
            {
                child = MessageFactory.Create(field.MessageType);
                field.Accessor.SetValue(current, child);
            }

            current = child;
        }

        return current;
    }

    public override string ToString() => Text;
}
