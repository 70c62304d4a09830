using Google.Protobuf.Reflection;
using Grpc.Core;
using JourneyGrpc.Gateway.Internal.InProcess;
using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Gateway.Internal.Backends;

/// <summary>The services this process mapped with <c>MapGrpcService</c>, called without a network hop.</summary>
internal sealed class InProcessBackend(InProcessServices services) : IGatewayBackend
{
    public string Description => "in-process";

    public IReadOnlyList<ServiceDescriptor> Services => services.Services;

    public Func<HttpContext, CallInvoker> GetInvokerFactory(ServiceDescriptor service) => context => new InProcessCallInvoker(services, context);
}
