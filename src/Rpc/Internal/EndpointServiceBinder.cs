using Google.Protobuf.Reflection;
using JourneyGrpc.Rpc.Internal.CallHandlers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace JourneyGrpc.Rpc.Internal;

/// <summary>Maps each method a generated <c>BindService</c> announces to a POST endpoint at its path.</summary>
internal sealed class EndpointServiceBinder(IEndpointRouteBuilder endpoints, ServiceMethodsRegistry registry, ServerCallSettings settings) : ServiceBinderBase
{
    internal List<IEndpointConventionBuilder> Endpoints { get; } = [];

    public override void AddService(ServiceDescriptor descriptor) => registry.AddService(descriptor);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
        Map(method, new UnaryServerCallHandler<TRequest, TResponse>(method, settings, handler ?? throw MissingHandler(method)).HandleCallAsync);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
        Map(method, new ClientStreamingServerCallHandler<TRequest, TResponse>(method, settings, handler ?? throw MissingHandler(method)).HandleCallAsync);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
        Map(method, new ServerStreamingServerCallHandler<TRequest, TResponse>(method, settings, handler ?? throw MissingHandler(method)).HandleCallAsync);

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
        Map(method, new DuplexStreamingServerCallHandler<TRequest, TResponse>(method, settings, handler ?? throw MissingHandler(method)).HandleCallAsync);

    private void Map(IMethod method, RequestDelegate handler)
    {
        registry.AddMethod(method);
        var endpoint = endpoints.MapPost(method.FullName, handler)
            .WithDisplayName("gRPC - " + method.FullName)
            .WithMetadata(new RpcMethodMetadata(method));
        Endpoints.Add(endpoint);
    }

    private static InvalidOperationException MissingHandler(IMethod method) =>
        new($"gRPC method {method.FullName} was bound without a handler.");
}
