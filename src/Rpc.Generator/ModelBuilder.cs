using System.Globalization;
using Google.Protobuf.Reflection;

namespace JourneyGrpc.Rpc.Generator;

/// <summary>
/// Resolves a proto file's services into <see cref="FileModel"/>: C# names for every class,
/// member and message type, so the emitters only format text.
/// </summary>
internal static class ModelBuilder
{
    /// <summary>Members of the generated static class; a service of the same name cannot compile.</summary>
    private static readonly HashSet<string> ReservedServiceNames = new(StringComparer.Ordinal) { "Descriptor", "Methods", "BindService" };

    /// <summary>Members inherited by the client; a client method of the same name would hide them.</summary>
    private static readonly HashSet<string> ClientBaseMembers = new(StringComparer.Ordinal) { "CallInvoker" };

    private static readonly HashSet<string> NoInheritedMembers = new(StringComparer.Ordinal);

    public static FileModel Build(FileDescriptorProto file, MessageTypeIndex index, GeneratorOptions options)
    {
        var comments = new SourceComments(file);
        var services = new List<ServiceModel>(file.Service.Count);
        for (var i = 0; i < file.Service.Count; i++)
        {
            services.Add(BuildService(file, i, index, comments));
        }

        return new FileModel(
            file.Name,
            CSharpNames.GetFileNamespace(file),
            CSharpNames.GetOutputFileName(file, "Rpc.cs", options.BaseNamespace),
            services);
    }

    private static ServiceModel BuildService(FileDescriptorProto file, int serviceIndex, MessageTypeIndex index, SourceComments comments)
    {
        var service = file.Service[serviceIndex];
        var fullName = file.Package.Length == 0 ? service.Name : file.Package + "." + service.Name;
        if (ReservedServiceNames.Contains(service.Name))
        {
            throw new GeneratorException($"service {fullName} in {file.Name}: the name {service.Name} clashes with a generated member of its class.");
        }

        // One marshaller per message type, in order of first use.
        var marshallers = new List<MarshallerModel>();
        var marshallersByType = new Dictionary<string, MarshallerModel>(StringComparer.Ordinal);
        MarshallerModel MarshallerFor(string protoType, string methodName)
        {
            if (marshallersByType.TryGetValue(protoType, out var existing))
            {
                return existing;
            }

            if (!index.TryGetClassName(protoType, out var className))
            {
                throw new GeneratorException($"method {fullName}.{methodName} in {file.Name}: message type {protoType} is not among the request's files.");
            }

            var marshaller = new MarshallerModel("__Marshaller_" + protoType.TrimStart('.').Replace('.', '_'), className);
            marshallersByType.Add(protoType, marshaller);
            marshallers.Add(marshaller);
            return marshaller;
        }

        var baseClassName = service.Name + "Base";
        var clientClassName = service.Name + "Client";
        var methods = new List<MethodModel>(service.Method.Count);
        for (var j = 0; j < service.Method.Count; j++)
        {
            var method = service.Method[j];
            var request = MarshallerFor(method.InputType, method.Name);
            var response = MarshallerFor(method.OutputType, method.Name);
            var kind = (method.ClientStreaming, method.ServerStreaming) switch
            {
                (false, false) => RpcKind.Unary,
                (true, false) => RpcKind.ClientStreaming,
                (false, true) => RpcKind.ServerStreaming,
                (true, true) => RpcKind.DuplexStreaming,
            };
            var clientName = kind == RpcKind.Unary ? method.Name + "Async" : method.Name;
            methods.Add(new MethodModel(
                method.Name,
                kind,
                request.MessageType,
                response.MessageType,
                request.FieldName,
                response.FieldName,
                "__Method_" + method.Name,
                MemberName(method.Name, baseClassName, NoInheritedMembers),
                MemberName(clientName, clientClassName, ClientBaseMembers),
                comments.ForMethod(serviceIndex, j),
                method.Options?.Deprecated == true));
        }

        return new ServiceModel(
            CSharpNames.EscapeKeyword(service.Name),
            baseClassName,
            clientClassName,
            fullName,
            CSharpNames.GetReflectionClassName(file) + ".Descriptor.Services[" + serviceIndex.ToString(CultureInfo.InvariantCulture) + "]",
            marshallers,
            methods,
            comments.ForService(serviceIndex),
            service.Options?.Deprecated == true);
    }

    /// <summary>
    /// A method identifier inside <paramref name="containingClass"/>. As protoc does for properties,
    /// a clash with the class (or with an inherited member) gets a trailing underscore; a C#
    /// keyword gets the verbatim prefix (<c>@event</c>), which keeps the name itself.
    /// </summary>
    public static string MemberName(string name, string containingClass, IReadOnlySet<string> inherited)
    {
        if (name == containingClass || inherited.Contains(name))
        {
            return name + "_";
        }

        return CSharpNames.EscapeKeyword(name);
    }
}
