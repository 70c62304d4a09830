using Google.Protobuf.Compiler;

namespace JourneyGrpc.Rpc.Generator;

/// <summary>
/// Turns a <see cref="CodeGeneratorRequest"/> into one <c>&lt;FileBase&gt;Rpc.cs</c> per file to
/// generate that declares services; files without services produce nothing.
/// </summary>
internal static class RpcCodeGenerator
{
    public static CodeGeneratorResponse Generate(CodeGeneratorRequest request)
    {
        // proto3 "optional" fields only change message code, which protoc's C# generator writes.
        var response = new CodeGeneratorResponse
        {
            SupportedFeatures = (ulong)CodeGeneratorResponse.Types.Feature.Proto3Optional,
        };

        try
        {
            var options = GeneratorOptions.Parse(request.Parameter);
            var files = request.ProtoFile.ToDictionary(file => file.Name, StringComparer.Ordinal);
            var index = new MessageTypeIndex(request.ProtoFile);
            foreach (var name in request.FileToGenerate)
            {
                if (!files.TryGetValue(name, out var file))
                {
                    throw new GeneratorException($"{name} is to be generated but its descriptor is not in the request.");
                }

                if (file.Service.Count == 0)
                {
                    continue;
                }

                var model = ModelBuilder.Build(file, index, options);
                response.File.Add(new CodeGeneratorResponse.Types.File
                {
                    Name = model.OutputName,
                    Content = FileEmitter.Emit(model, options),
                });
            }
        }
        catch (GeneratorException ex)
        {
            return ErrorResponse(ex.Message);
        }

        return response;
    }

    /// <summary>protoc prints the error after the flag name (<c>--journeyrpc_out: ...</c>) and fails.</summary>
    public static CodeGeneratorResponse ErrorResponse(string message) => new()
    {
        Error = message,
        SupportedFeatures = (ulong)CodeGeneratorResponse.Types.Feature.Proto3Optional,
    };
}
