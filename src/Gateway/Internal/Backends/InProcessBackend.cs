using Google.Protobuf.Reflection;
using JourneyGrpc.Rpc;
using JourneyGrpc.Rpc.InProcess;

namespace JourneyGrpc.Gateway.Internal.Backends;

/// <summary>The services this process mapped with <c>MapRpcService</c>, called without a network hop.</summary>
internal sealed class InProcessBackend(InProcessRpcServices services) : IGatewayBackend
{
    public string Description => "in-process";

    public IReadOnlyList<ServiceDescriptor> Services => services.Services;

    public CallInvoker GetInvoker(ServiceDescriptor service) => services.CallInvoker;
}
