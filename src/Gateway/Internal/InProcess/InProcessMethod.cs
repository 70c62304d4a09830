using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace JourneyGrpc.Gateway.Internal.InProcess;

/// <summary>
/// One bound method. Each call kind overrides the one start method that fits it; the caller's
/// message types may differ from the handler's (see <see cref="InProcessMessages"/>).
/// </summary>
internal abstract class InProcessMethod(IMethod method, InProcessCallSettings settings)
{
    internal IMethod Method { get; } = method;

    protected InProcessCallSettings Settings { get; } = settings;

    internal virtual AsyncUnaryCall<TResponse> StartUnary<TRequest, TResponse>(Method<TRequest, TResponse> caller, HttpContext httpContext, CallOptions options, TRequest request)
        where TRequest : class
        where TResponse : class => throw WrongKind(MethodType.Unary);

    internal virtual AsyncServerStreamingCall<TResponse> StartServerStreaming<TRequest, TResponse>(Method<TRequest, TResponse> caller, HttpContext httpContext, CallOptions options, TRequest request)
        where TRequest : class
        where TResponse : class => throw WrongKind(MethodType.ServerStreaming);

    internal virtual AsyncClientStreamingCall<TRequest, TResponse> StartClientStreaming<TRequest, TResponse>(Method<TRequest, TResponse> caller, HttpContext httpContext, CallOptions options)
        where TRequest : class
        where TResponse : class => throw WrongKind(MethodType.ClientStreaming);

    internal virtual AsyncDuplexStreamingCall<TRequest, TResponse> StartDuplexStreaming<TRequest, TResponse>(Method<TRequest, TResponse> caller, HttpContext httpContext, CallOptions options)
        where TRequest : class
        where TResponse : class => throw WrongKind(MethodType.DuplexStreaming);

    private InvalidOperationException WrongKind(MethodType called) =>
        new($"gRPC method {Method.FullName} is {Method.Type}; it was called as {called}.");
}
