namespace JourneyGrpc.Rpc;

/// <summary>A method's description, independent of its message types.</summary>
public interface IMethod
{
    /// <summary>The kind of call.</summary>
    MethodType Type { get; }

    /// <summary>The fully qualified service name, e.g. <c>grpc.health.v1.Health</c>.</summary>
    string ServiceName { get; }

    /// <summary>The method name, e.g. <c>Check</c>.</summary>
    string Name { get; }

    /// <summary>The HTTP/2 path, e.g. <c>/grpc.health.v1.Health/Check</c>.</summary>
    string FullName { get; }
}
