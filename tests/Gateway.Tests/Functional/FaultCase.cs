namespace JourneyGrpc.Gateway.Tests.Functional;

/// <summary>
/// A request that fails on the server, and how its 500 reads: <paramref name="Format"/> is the route's error
/// format, <paramref name="Code"/> the gRPC code in the body (UNKNOWN: the handler threw; INTERNAL: the
/// gateway failed writing the answer), <paramref name="Messages"/> the stream messages sent before it.
/// </summary>
public sealed record FaultCase(string Name, string Method, string Url, string? Body, string? ContentType, FaultFormat Format, string Code, int Messages = -1, bool EventStream = false)
{
    /// <summary>A unary route or a stream that failed before its first message: an ordinary error response.</summary>
    internal bool IsErrorResponse => Messages < 1;

    public override string ToString() => Name;
}
