namespace JourneyGrpc.Rpc.Generator;

/// <summary>A problem with the input (options or descriptors) that stops generation.</summary>
internal sealed class GeneratorException : Exception
{
    public GeneratorException(string message)
        : base(message)
    {
    }
}
