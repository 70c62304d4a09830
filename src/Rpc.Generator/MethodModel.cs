namespace JourneyGrpc.Rpc.Generator;

/// <summary>One RPC with every C# name the emitters need already resolved.</summary>
/// <param name="Name">The proto method name, as sent on the wire.</param>
/// <param name="FieldName">The <c>Method&lt;,&gt;</c> field, e.g. <c>__Method_Check</c>.</param>
/// <param name="ServerMethodName">The overridable method in the base class (escaped identifier).</param>
/// <param name="ClientMethodName">The client method (escaped identifier; unary ones end in Async).</param>
/// <param name="DocLines">The proto comment as XML-escaped doc lines, without <c>///</c>.</param>
internal sealed record MethodModel(
    string Name,
    RpcKind Kind,
    string RequestType,
    string ResponseType,
    string RequestMarshaller,
    string ResponseMarshaller,
    string FieldName,
    string ServerMethodName,
    string ClientMethodName,
    IReadOnlyList<string> DocLines,
    bool Deprecated);
