using Google.Protobuf.Reflection;

namespace JourneyGrpc.Rpc.Reflection;

/// <summary>
/// Every file reachable from the mapped services (dependencies included, well-known types too),
/// indexed by file name and by fully-qualified symbol. Built once, on first use.
/// </summary>
internal sealed class DescriptorIndex
{
    private readonly Dictionary<string, FileDescriptor> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileDescriptor> _symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FieldDescriptor>> _extensionsByExtendee = new(StringComparer.Ordinal);

    internal DescriptorIndex(IEnumerable<string> serviceNames, IEnumerable<ServiceDescriptor> services)
    {
        ServiceNames = [.. serviceNames.Order(StringComparer.Ordinal)];
        foreach (var service in services)
        {
            AddFile(service.File);
        }
    }

    internal IReadOnlyList<string> ServiceNames { get; }

    internal FileDescriptor? FindFile(string name) => _files.GetValueOrDefault(name);

    internal FileDescriptor? FindFileContainingSymbol(string symbol) => _symbols.GetValueOrDefault(symbol.TrimStart('.'));

    internal FieldDescriptor? FindExtension(string extendee, int number) =>
        _extensionsByExtendee.GetValueOrDefault(extendee.TrimStart('.'))?.FirstOrDefault(e => e.FieldNumber == number);

    internal IReadOnlyList<int>? FindExtensionNumbers(string extendee)
    {
        var name = extendee.TrimStart('.');
        if (_extensionsByExtendee.TryGetValue(name, out var extensions))
        {
            return [.. extensions.Select(e => e.FieldNumber).Order()];
        }

        return _symbols.ContainsKey(name) ? [] : null;
    }

    private void AddFile(FileDescriptor file)
    {
        if (!_files.TryAdd(file.Name, file))
        {
            return;
        }

        foreach (var dependency in file.Dependencies)
        {
            AddFile(dependency);
        }

        foreach (var service in file.Services)
        {
            AddSymbol(service.FullName, file);
            foreach (var method in service.Methods)
            {
                AddSymbol(method.FullName, file);
            }
        }

        foreach (var message in file.MessageTypes)
        {
            AddMessage(message, file);
        }

        foreach (var enumType in file.EnumTypes)
        {
            AddEnum(enumType, file);
        }

        foreach (var extension in file.Extensions.UnorderedExtensions)
        {
            AddExtension(extension, file);
        }
    }

    private void AddMessage(MessageDescriptor message, FileDescriptor file)
    {
        AddSymbol(message.FullName, file);
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            AddSymbol(field.FullName, file);
        }

        foreach (var oneof in message.Oneofs)
        {
            AddSymbol(oneof.FullName, file);
        }

        foreach (var nested in message.NestedTypes)
        {
            AddMessage(nested, file);
        }

        foreach (var nestedEnum in message.EnumTypes)
        {
            AddEnum(nestedEnum, file);
        }

        foreach (var extension in message.Extensions.UnorderedExtensions)
        {
            AddExtension(extension, file);
        }
    }

    private void AddEnum(EnumDescriptor enumType, FileDescriptor file)
    {
        AddSymbol(enumType.FullName, file);

        // Enum values are scoped next to their enum, not inside it (protobuf scoping rules).
        var scope = enumType.FullName[..Math.Max(0, enumType.FullName.LastIndexOf('.'))];
        foreach (var value in enumType.Values)
        {
            AddSymbol(scope.Length == 0 ? value.Name : scope + "." + value.Name, file);
        }
    }

    private void AddExtension(FieldDescriptor extension, FileDescriptor file)
    {
        AddSymbol(extension.FullName, file);
        var extendee = extension.ExtendeeType.FullName;
        if (!_extensionsByExtendee.TryGetValue(extendee, out var list))
        {
            _extensionsByExtendee[extendee] = list = [];
        }

        list.Add(extension);
    }

    private void AddSymbol(string symbol, FileDescriptor file) => _symbols.TryAdd(symbol, file);
}
