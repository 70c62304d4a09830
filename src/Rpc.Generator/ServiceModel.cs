namespace JourneyGrpc.Rpc.Generator;

/// <summary>One service with every C# name the emitters need already resolved.</summary>
/// <param name="ClassName">The static class (escaped identifier), e.g. <c>Health</c>.</param>
/// <param name="BaseClassName">The nested server base class, e.g. <c>HealthBase</c>.</param>
/// <param name="ClientClassName">The nested client class, e.g. <c>HealthClient</c>.</param>
/// <param name="FullName">The proto full name, e.g. <c>grpc.health.v1.Health</c>.</param>
/// <param name="DescriptorExpression">Reads the service's descriptor from the file's reflection class.</param>
internal sealed record ServiceModel(
    string ClassName,
    string BaseClassName,
    string ClientClassName,
    string FullName,
    string DescriptorExpression,
    IReadOnlyList<MarshallerModel> Marshallers,
    IReadOnlyList<MethodModel> Methods,
    IReadOnlyList<string> DocLines,
    bool Deprecated);
