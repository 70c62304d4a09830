using Google.Protobuf;
using Google.Protobuf.Compiler;

namespace JourneyGrpc.Rpc.Generator;

/// <summary>
/// The plugin protocol: one request in, one response out. Every failure becomes
/// <see cref="CodeGeneratorResponse.Error"/>, which protoc prints and turns into a failed build;
/// a crash would only show protoc's "Plugin failed with status code".
/// </summary>
internal static class PluginHost
{
    public static int Run(Stream input, Stream output)
    {
        var response = Execute(input);
        response.WriteTo(output);
        output.Flush();
        return 0;
    }

    public static CodeGeneratorResponse Execute(Stream input)
    {
        CodeGeneratorRequest request;
        try
        {
            request = CodeGeneratorRequest.Parser.ParseFrom(input);
        }
        catch (InvalidProtocolBufferException ex)
        {
            return RpcCodeGenerator.ErrorResponse($"cannot read the CodeGeneratorRequest from standard input: {ex.Message}");
        }

        try
        {
            return RpcCodeGenerator.Generate(request);
        }
        catch (Exception ex)
        {
            // A bug in the generator: still report it through protoc rather than crash.
            return RpcCodeGenerator.ErrorResponse($"internal error: {ex}");
        }
    }
}
