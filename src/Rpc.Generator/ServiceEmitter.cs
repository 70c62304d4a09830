namespace JourneyGrpc.Rpc.Generator;

/// <summary>
/// Writes a service's static class: service name, marshallers, <c>Method&lt;,&gt;</c> fields,
/// descriptor and method table, then the server base class, the client and <c>BindService</c>.
/// </summary>
internal static class ServiceEmitter
{
    public static void Emit(CodeWriter writer, ServiceModel service, GeneratorOptions options)
    {
        writer.Summary(service.DocLines, $"Method table, server base class and client of <c>{service.FullName}</c>.");
        if (service.Deprecated)
        {
            writer.Line(RuntimeNames.Obsolete);
        }

        var access = options.InternalAccess ? "internal" : "public";
        writer.Open($"{access} static partial class {service.ClassName}");
        writer.Line($"private const string __ServiceName = \"{service.FullName}\";");
        writer.Line();

        foreach (var marshaller in service.Marshallers)
        {
            writer.Line(RuntimeNames.GeneratedCode);
            writer.Line($"private static readonly {RuntimeNames.Rpc}Marshaller<{marshaller.MessageType}> {marshaller.FieldName} = {RuntimeNames.Rpc}Marshallers.ForMessage({marshaller.MessageType}.Parser);");
        }

        if (service.Marshallers.Count > 0)
        {
            writer.Line();
        }

        foreach (var method in service.Methods)
        {
            var methodType = $"{RuntimeNames.Rpc}Method<{method.RequestType}, {method.ResponseType}>";
            writer.Line(RuntimeNames.GeneratedCode);
            writer.Line($"private static readonly {methodType} {method.FieldName} = new {methodType}(");
            writer.Line($"    {RuntimeNames.Rpc}MethodType.{method.Kind},");
            writer.Line("    __ServiceName,");
            writer.Line($"    \"{method.Name}\",");
            writer.Line($"    {method.RequestMarshaller},");
            writer.Line($"    {method.ResponseMarshaller});");
            writer.Line();
        }

        writer.Line("/// <summary>The service's protobuf descriptor.</summary>");
        writer.Line(RuntimeNames.GeneratedCode);
        writer.Line($"public static global::Google.Protobuf.Reflection.ServiceDescriptor Descriptor => {service.DescriptorExpression};");
        writer.Line();
        writer.Line("/// <summary>Every method of the service, in declaration order.</summary>");
        writer.Line(RuntimeNames.GeneratedCode);
        writer.Line($"public static global::System.Collections.Generic.IReadOnlyList<{RuntimeNames.Rpc}IMethod> Methods {{ get; }} = global::System.Array.AsReadOnly(new {RuntimeNames.Rpc}IMethod[]");
        writer.Line("{");
        foreach (var method in service.Methods)
        {
            writer.Line($"    {method.FieldName},");
        }

        writer.Line("});");

        if (!options.NoServer)
        {
            writer.Line();
            ServerEmitter.EmitBaseClass(writer, service);
        }

        if (!options.NoClient)
        {
            writer.Line();
            ClientEmitter.Emit(writer, service);
        }

        if (!options.NoServer)
        {
            writer.Line();
            ServerEmitter.EmitBindService(writer, service);
        }

        writer.Close();
    }
}
