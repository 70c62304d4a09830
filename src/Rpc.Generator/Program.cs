using JourneyGrpc.Rpc.Generator;

// protoc writes a CodeGeneratorRequest to stdin and reads a CodeGeneratorResponse from stdout.
// See https://protobuf.dev/reference/other/#plugins.
using var input = Console.OpenStandardInput();
using var output = Console.OpenStandardOutput();
return PluginHost.Run(input, output);
