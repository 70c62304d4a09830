using Google.Protobuf.Reflection;

namespace JourneyGrpc.Rpc.Generator;

/// <summary>
/// Maps every message in the request (the files to generate and all their imports) from its
/// proto full name, e.g. <c>.google.protobuf.Empty</c>, to its fully qualified C# class.
/// </summary>
internal sealed class MessageTypeIndex
{
    private readonly Dictionary<string, string> _classNames = new(StringComparer.Ordinal);

    public MessageTypeIndex(IEnumerable<FileDescriptorProto> files)
    {
        foreach (var file in files)
        {
            var prefix = file.Package.Length == 0 ? "." : "." + file.Package + ".";
            foreach (var message in file.MessageType)
            {
                Add(file, prefix, string.Empty, message);
            }
        }
    }

    /// <summary>The C# class for a proto type name as it appears in a method's input or output type.</summary>
    public bool TryGetClassName(string protoTypeName, out string className) =>
        _classNames.TryGetValue(protoTypeName, out className!);

    private void Add(FileDescriptorProto file, string packagePrefix, string parentPath, DescriptorProto message)
    {
        var nestedName = parentPath.Length == 0 ? message.Name : parentPath + "." + message.Name;
        _classNames[packagePrefix + nestedName] = CSharpNames.GetMessageClassName(file, nestedName);
        foreach (var nested in message.NestedType)
        {
            Add(file, packagePrefix, nestedName, nested);
        }
    }
}
