namespace JourneyGrpc.Rpc.Generator;

/// <summary>One generated file: the services of one proto file.</summary>
/// <param name="ProtoName">The proto file name relative to its import root.</param>
/// <param name="Namespace">The C# namespace; empty for none.</param>
/// <param name="OutputName">The generated file's path relative to the output directory.</param>
internal sealed record FileModel(string ProtoName, string Namespace, string OutputName, IReadOnlyList<ServiceModel> Services);
