using Google.Protobuf;
using Google.Protobuf.Compiler;
using JourneyGrpc.Rpc.Generator.Tests.Infrastructure;

namespace JourneyGrpc.Rpc.Generator.Tests;

public class PluginHostTests
{
    [Fact]
    public void Run_ValidRequest_WritesResponseWithGeneratedFile()
    {
        using var input = new MemoryStream(Descriptors.Request(null, Descriptors.DemoFile()).ToByteArray());
        using var output = new MemoryStream();

        var exitCode = PluginHost.Run(input, output);

        Assert.Equal(0, exitCode);
        var response = CodeGeneratorResponse.Parser.ParseFrom(output.ToArray());
        Assert.Equal(string.Empty, response.Error);
        Assert.Equal("DemoServiceRpc.cs", Assert.Single(response.File).Name);
    }

    [Fact]
    public void Run_UnparsableInput_WritesErrorAndExitsZero()
    {
        // Field 1 (file_to_generate, length-delimited) claiming 100 bytes that are not there.
        using var input = new MemoryStream([0x0A, 0x64, 0x01]);
        using var output = new MemoryStream();

        var exitCode = PluginHost.Run(input, output);

        Assert.Equal(0, exitCode);
        var response = CodeGeneratorResponse.Parser.ParseFrom(output.ToArray());
        Assert.StartsWith("cannot read the CodeGeneratorRequest from standard input: ", response.Error, StringComparison.Ordinal);
        Assert.Empty(response.File);
    }

    [Fact]
    public void Execute_DuplicateFileNames_ReportsInternalErrorInsteadOfCrashing()
    {
        var request = Descriptors.Request(null, Descriptors.DemoFile(), Descriptors.DemoFile());
        using var input = new MemoryStream(request.ToByteArray());

        var response = PluginHost.Execute(input);

        Assert.StartsWith("internal error: System.ArgumentException", response.Error, StringComparison.Ordinal);
    }
}
