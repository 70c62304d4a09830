using Google.Protobuf.Reflection;
using JourneyGrpc.Rpc;

namespace JourneyGrpc.Gateway.Internal.Backends;

/// <summary>Where the gateway's services come from and what calls them: in-process handlers or upstream servers.</summary>
internal interface IGatewayBackend
{
    /// <summary>For the log, e.g. <c>in-process</c>.</summary>
    string Description { get; }

    IReadOnlyList<ServiceDescriptor> Services { get; }

    /// <summary>The invoker of <paramref name="service"/>'s calls; throws when none can reach it.</summary>
    CallInvoker GetInvoker(ServiceDescriptor service);
}
