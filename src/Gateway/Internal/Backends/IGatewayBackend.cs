using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Gateway.Internal.Backends;

/// <summary>Where the gateway's services come from and what calls them: in-process handlers or upstream servers.</summary>
internal interface IGatewayBackend
{
    /// <summary>For the log, e.g. <c>in-process</c>.</summary>
    string Description { get; }

    IReadOnlyList<ServiceDescriptor> Services { get; }

    /// <summary>
    /// What gives the invoker of <paramref name="service"/>'s calls for one REST request (in-process
    /// calls carry the request's <see cref="HttpContext"/>); throws when nothing can reach the service.
    /// </summary>
    Func<HttpContext, CallInvoker> GetInvokerFactory(ServiceDescriptor service);
}
