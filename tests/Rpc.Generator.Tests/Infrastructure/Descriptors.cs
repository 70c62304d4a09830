using Google.Protobuf.Compiler;
using Google.Protobuf.Reflection;

namespace JourneyGrpc.Rpc.Generator.Tests.Infrastructure;

/// <summary>Builds the descriptors protoc would send, by hand, so tests need no protoc.</summary>
internal static class Descriptors
{
    public static FileDescriptorProto File(string name = "demo/v1/demo_service.proto", string package = "demo.v1", string? csharpNamespace = null)
    {
        var file = new FileDescriptorProto { Name = name, Package = package, Syntax = "proto3" };
        if (csharpNamespace is not null)
        {
            file.Options = new Google.Protobuf.Reflection.FileOptions { CsharpNamespace = csharpNamespace };
        }

        return file;
    }

    public static FileDescriptorProto WithMessages(this FileDescriptorProto file, params string[] names)
    {
        foreach (var name in names)
        {
            file.MessageType.Add(new DescriptorProto { Name = name });
        }

        return file;
    }

    public static FileDescriptorProto WithService(this FileDescriptorProto file, string name, params MethodDescriptorProto[] methods)
    {
        var service = new ServiceDescriptorProto { Name = name };
        service.Method.AddRange(methods);
        file.Service.Add(service);
        return file;
    }

    public static MethodDescriptorProto Method(string name, string input, string output, bool clientStreaming = false, bool serverStreaming = false) => new()
    {
        Name = name,
        InputType = input,
        OutputType = output,
        ClientStreaming = clientStreaming,
        ServerStreaming = serverStreaming,
    };

    /// <summary>A file with one unary method <c>Get(GetRequest) returns (GetResponse)</c> in service <c>Demo</c>.</summary>
    public static FileDescriptorProto DemoFile() =>
        File().WithMessages("GetRequest", "GetResponse").WithService("Demo", Method("Get", ".demo.v1.GetRequest", ".demo.v1.GetResponse"));

    /// <summary>A request to generate the last file, with the others as its imports.</summary>
    public static CodeGeneratorRequest Request(string? parameter, params FileDescriptorProto[] files)
    {
        var request = new CodeGeneratorRequest();
        if (parameter is not null)
        {
            request.Parameter = parameter;
        }

        request.ProtoFile.AddRange(files);
        request.FileToGenerate.Add(files[^1].Name);
        return request;
    }

    /// <summary>Runs the generator and returns the single file it wrote.</summary>
    public static string GenerateSingle(string? parameter, params FileDescriptorProto[] files)
    {
        var response = RpcCodeGenerator.Generate(Request(parameter, files));
        Assert.Equal(string.Empty, response.Error);
        return Assert.Single(response.File).Content;
    }
}
