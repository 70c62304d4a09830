namespace JourneyGrpc.Rpc.Generator;

/// <summary>Fully qualified names the generated code refers to, written once.</summary>
internal static class RuntimeNames
{
    /// <summary>The namespace of our gRPC runtime (src/Rpc), with <c>global::</c> and a trailing dot.</summary>
    public const string Rpc = "global::JourneyGrpc.Rpc.";

    public const string Task = "global::System.Threading.Tasks.Task";

    public const string CancellationToken = "global::System.Threading.CancellationToken";

    public const string DateTime = "global::System.DateTime";

    public const string GeneratedCode = "[global::System.CodeDom.Compiler.GeneratedCode(\"protoc-gen-journeyrpc\", null)]";

    public const string Obsolete = "[global::System.Obsolete]";

    public const string Unimplemented = "throw new " + Rpc + "RpcException(new " + Rpc + "Status(" + Rpc + "StatusCode.Unimplemented, \"\"));";
}
