using Grpc.AspNetCore.Server;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyGrpc.Gateway.Internal.InProcess;

/// <summary>
/// One configured interceptor around in-process handlers: created per call by the same
/// <see cref="IGrpcInterceptorActivator"/> Grpc.AspNetCore uses (from DI when registered there,
/// else constructed with the registration's arguments), and released after the call.
/// </summary>
internal sealed class InProcessInterceptor(InterceptorRegistration registration, IServiceProvider provider)
{
    private readonly IGrpcInterceptorActivator _activator = (IGrpcInterceptorActivator)provider.GetRequiredService(
        typeof(IGrpcInterceptorActivator<>).MakeGenericType(registration.Type));

    /// <summary>The call's request services (the REST request's scope), as Grpc.AspNetCore activates from.</summary>
    internal static IServiceProvider RequestServices(ServerCallContext context) => context.GetHttpContext().RequestServices;

    internal UnaryServerMethod<TRequest, TResponse> Wrap<TRequest, TResponse>(UnaryServerMethod<TRequest, TResponse> next)
        where TRequest : class
        where TResponse : class =>
        async (request, context) =>
        {
            var interceptor = _activator.Create(RequestServices(context), registration);
            try
            {
                return await interceptor.Instance.UnaryServerHandler(request, context, next).ConfigureAwait(false);
            }
            finally
            {
                await _activator.ReleaseAsync(interceptor).ConfigureAwait(false);
            }
        };

    internal ServerStreamingServerMethod<TRequest, TResponse> Wrap<TRequest, TResponse>(ServerStreamingServerMethod<TRequest, TResponse> next)
        where TRequest : class
        where TResponse : class =>
        async (request, responses, context) =>
        {
            var interceptor = _activator.Create(RequestServices(context), registration);
            try
            {
                await interceptor.Instance.ServerStreamingServerHandler(request, responses, context, next).ConfigureAwait(false);
            }
            finally
            {
                await _activator.ReleaseAsync(interceptor).ConfigureAwait(false);
            }
        };

    internal ClientStreamingServerMethod<TRequest, TResponse> Wrap<TRequest, TResponse>(ClientStreamingServerMethod<TRequest, TResponse> next)
        where TRequest : class
        where TResponse : class =>
        async (requests, context) =>
        {
            var interceptor = _activator.Create(RequestServices(context), registration);
            try
            {
                return await interceptor.Instance.ClientStreamingServerHandler(requests, context, next).ConfigureAwait(false);
            }
            finally
            {
                await _activator.ReleaseAsync(interceptor).ConfigureAwait(false);
            }
        };

    internal DuplexStreamingServerMethod<TRequest, TResponse> Wrap<TRequest, TResponse>(DuplexStreamingServerMethod<TRequest, TResponse> next)
        where TRequest : class
        where TResponse : class =>
        async (requests, responses, context) =>
        {
            var interceptor = _activator.Create(RequestServices(context), registration);
            try
            {
                await interceptor.Instance.DuplexStreamingServerHandler(requests, responses, context, next).ConfigureAwait(false);
            }
            finally
            {
                await _activator.ReleaseAsync(interceptor).ConfigureAwait(false);
            }
        };
}
