namespace JourneyGrpc.Rpc.Generator;

/// <summary>
/// Writes the <c>&lt;Service&gt;Client</c> class: per method, an overload taking headers, deadline
/// and cancellation token, and one taking <c>CallOptions</c>. Calls are asynchronous only.
/// </summary>
internal static class ClientEmitter
{
    public static void Emit(CodeWriter writer, ServiceModel service)
    {
        writer.Line($"/// <summary>Client for <c>{service.FullName}</c>.</summary>");
        writer.Open($"public partial class {service.ClientClassName} : {RuntimeNames.Rpc}ClientBase");
        writer.Line("/// <summary>Creates a client that calls over <paramref name=\"channel\"/>.</summary>");
        writer.Line("/// <param name=\"channel\">The channel to the server.</param>");
        writer.Line(RuntimeNames.GeneratedCode);
        writer.Line($"public {service.ClientClassName}({RuntimeNames.Rpc}RpcChannel channel)");
        writer.Open("    : base(channel)");
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Creates a client whose calls all go through <paramref name=\"callInvoker\"/>.</summary>");
        writer.Line("/// <param name=\"callInvoker\">Starts the calls.</param>");
        writer.Line(RuntimeNames.GeneratedCode);
        writer.Line($"public {service.ClientClassName}({RuntimeNames.Rpc}CallInvoker callInvoker)");
        writer.Open("    : base(callInvoker)");
        writer.Close();
        foreach (var method in service.Methods)
        {
            writer.Line();
            EmitMethod(writer, method);
        }

        writer.Close();
    }

    private static void EmitMethod(CodeWriter writer, MethodModel method)
    {
        var request = method.RequestType;
        var response = method.ResponseType;
        var (callType, invoke) = method.Kind switch
        {
            RpcKind.Unary => ($"{RuntimeNames.Rpc}AsyncUnaryCall<{response}>", $"AsyncUnaryCall({method.FieldName}, null, options, request)"),
            RpcKind.ServerStreaming => ($"{RuntimeNames.Rpc}AsyncServerStreamingCall<{response}>", $"AsyncServerStreamingCall({method.FieldName}, null, options, request)"),
            RpcKind.ClientStreaming => ($"{RuntimeNames.Rpc}AsyncClientStreamingCall<{request}, {response}>", $"AsyncClientStreamingCall({method.FieldName}, null, options)"),
            _ => ($"{RuntimeNames.Rpc}AsyncDuplexStreamingCall<{request}, {response}>", $"AsyncDuplexStreamingCall({method.FieldName}, null, options)"),
        };
        var takesRequest = method.Kind is RpcKind.Unary or RpcKind.ServerStreaming;
        var requestParameter = takesRequest ? $"{request} request, " : string.Empty;
        var requestArgument = takesRequest ? "request, " : string.Empty;
        var name = method.ClientMethodName;

        EmitDocs(writer, method, takesRequest, withOptions: false);
        writer.Open($"public virtual {callType} {name}({requestParameter}{RuntimeNames.Rpc}Metadata? headers = null, {RuntimeNames.DateTime}? deadline = null, {RuntimeNames.CancellationToken} cancellationToken = default)");
        writer.Line($"return {name}({requestArgument}new {RuntimeNames.Rpc}CallOptions(headers, deadline, cancellationToken));");
        writer.Close();
        writer.Line();
        EmitDocs(writer, method, takesRequest, withOptions: true);
        writer.Open($"public virtual {callType} {name}({requestParameter}{RuntimeNames.Rpc}CallOptions options)");
        writer.Line($"return CallInvoker.{invoke};");
        writer.Close();
    }

    private static void EmitDocs(CodeWriter writer, MethodModel method, bool takesRequest, bool withOptions)
    {
        writer.Summary(method.DocLines, $"Starts a call to <c>{method.Name}</c>.");
        if (takesRequest)
        {
            writer.Line("/// <param name=\"request\">The request to send.</param>");
        }

        if (withOptions)
        {
            writer.Line("/// <param name=\"options\">Headers, deadline, cancellation and write options of the call.</param>");
        }
        else
        {
            writer.Line("/// <param name=\"headers\">Request metadata; optional.</param>");
            writer.Line("/// <param name=\"deadline\">When the call must complete (UTC); optional.</param>");
            writer.Line("/// <param name=\"cancellationToken\">Cancels the call; optional.</param>");
        }

        writer.Line("/// <returns>The call in progress.</returns>");
        writer.Line(RuntimeNames.GeneratedCode);
        if (method.Deprecated)
        {
            writer.Line(RuntimeNames.Obsolete);
        }
    }
}
