namespace JourneyGrpc.Rpc.Generator;

/// <summary>Writes the server side: the <c>&lt;Service&gt;Base</c> class and <c>BindService</c>.</summary>
internal static class ServerEmitter
{
    public static void EmitBaseClass(CodeWriter writer, ServiceModel service)
    {
        writer.Line($"/// <summary>Base class of server-side implementations of <c>{service.FullName}</c>; override the methods the server implements.</summary>");
        writer.Line($"[{RuntimeNames.Rpc}BindServiceMethod(typeof({service.ClassName}), \"BindService\")]");
        writer.Open($"public abstract partial class {service.BaseClassName}");
        for (var i = 0; i < service.Methods.Count; i++)
        {
            if (i > 0)
            {
                writer.Line();
            }

            EmitBaseMethod(writer, service.Methods[i]);
        }

        writer.Close();
    }

    public static void EmitBindService(CodeWriter writer, ServiceModel service)
    {
        writer.Line("/// <summary>Announces the service and adds each of its methods to <paramref name=\"serviceBinder\"/>.</summary>");
        writer.Line("/// <param name=\"serviceBinder\">Receives the descriptor, then one <c>AddMethod</c> call per method.</param>");
        writer.Line("/// <param name=\"serviceImpl\">The implementation; null binds the methods without handlers.</param>");
        writer.Line(RuntimeNames.GeneratedCode);
        writer.Open($"public static void BindService({RuntimeNames.Rpc}ServiceBinderBase serviceBinder, {service.BaseClassName}? serviceImpl)");
        writer.Line("serviceBinder.AddService(Descriptor);");
        foreach (var method in service.Methods)
        {
            var handler = $"{RuntimeNames.Rpc}{method.Kind}ServerMethod<{method.RequestType}, {method.ResponseType}>";
            writer.Line($"serviceBinder.AddMethod({method.FieldName}, serviceImpl == null ? null : new {handler}(serviceImpl.{method.ServerMethodName}));");
        }

        writer.Close();
    }

    private static void EmitBaseMethod(CodeWriter writer, MethodModel method)
    {
        var request = method.RequestType;
        var response = method.ResponseType;
        var requestStream = $"{RuntimeNames.Rpc}IAsyncStreamReader<{request}> requestStream";
        var responseStream = $"{RuntimeNames.Rpc}IServerStreamWriter<{response}> responseStream";
        var context = $"{RuntimeNames.Rpc}ServerCallContext context";
        var (returns, parameters) = method.Kind switch
        {
            RpcKind.Unary => ($"{RuntimeNames.Task}<{response}>", $"{request} request, {context}"),
            RpcKind.ServerStreaming => (RuntimeNames.Task, $"{request} request, {responseStream}, {context}"),
            RpcKind.ClientStreaming => ($"{RuntimeNames.Task}<{response}>", $"{requestStream}, {context}"),
            _ => (RuntimeNames.Task, $"{requestStream}, {responseStream}, {context}"),
        };

        writer.Summary(method.DocLines);
        if (method.Kind is RpcKind.Unary or RpcKind.ServerStreaming)
        {
            writer.Line("/// <param name=\"request\">The request from the client.</param>");
        }
        else
        {
            writer.Line("/// <param name=\"requestStream\">The requests from the client.</param>");
        }

        if (method.Kind is RpcKind.ServerStreaming or RpcKind.DuplexStreaming)
        {
            writer.Line("/// <param name=\"responseStream\">Writes responses to the client.</param>");
        }

        writer.Line("/// <param name=\"context\">The call being served.</param>");
        writer.Line(method.Kind is RpcKind.Unary or RpcKind.ClientStreaming
            ? "/// <returns>The response to send.</returns>"
            : "/// <returns>Completes when the handler has written its last response.</returns>");
        writer.Line(RuntimeNames.GeneratedCode);
        if (method.Deprecated)
        {
            writer.Line(RuntimeNames.Obsolete);
        }

        writer.Open($"public virtual {returns} {method.ServerMethodName}({parameters})");
        writer.Line(RuntimeNames.Unimplemented);
        writer.Close();
    }
}
