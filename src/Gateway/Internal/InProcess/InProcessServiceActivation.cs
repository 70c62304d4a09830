using Grpc.AspNetCore.Server;
using Grpc.Core;
using Model = Grpc.AspNetCore.Server.Model;

namespace JourneyGrpc.Gateway.Internal.InProcess;

/// <summary>
/// Turns a service method into a call handler as Grpc.AspNetCore does: per call, the service is
/// created by its <see cref="IGrpcServiceActivator{TService}"/> from the request's services and
/// released afterwards, inside the interceptors (the first is the outermost).
/// </summary>
internal sealed class InProcessServiceActivation<TService>(IGrpcServiceActivator<TService> activator, IReadOnlyList<InProcessInterceptor> interceptors)
    where TService : class
{
    internal UnaryServerMethod<TRequest, TResponse> Unary<TRequest, TResponse>(Model.UnaryServerMethod<TService, TRequest, TResponse> invoker)
        where TRequest : class
        where TResponse : class
    {
        UnaryServerMethod<TRequest, TResponse> handler = async (request, context) =>
        {
            var service = activator.Create(InProcessInterceptor.RequestServices(context));
            try
            {
                return await invoker(service.Instance, request, context).ConfigureAwait(false);
            }
            finally
            {
                await activator.ReleaseAsync(service).ConfigureAwait(false);
            }
        };
        for (var i = interceptors.Count - 1; i >= 0; i--)
        {
            handler = interceptors[i].Wrap(handler);
        }

        return handler;
    }

    internal ServerStreamingServerMethod<TRequest, TResponse> ServerStreaming<TRequest, TResponse>(Model.ServerStreamingServerMethod<TService, TRequest, TResponse> invoker)
        where TRequest : class
        where TResponse : class
    {
        ServerStreamingServerMethod<TRequest, TResponse> handler = async (request, responses, context) =>
        {
            var service = activator.Create(InProcessInterceptor.RequestServices(context));
            try
            {
                await invoker(service.Instance, request, responses, context).ConfigureAwait(false);
            }
            finally
            {
                await activator.ReleaseAsync(service).ConfigureAwait(false);
            }
        };
        for (var i = interceptors.Count - 1; i >= 0; i--)
        {
            handler = interceptors[i].Wrap(handler);
        }

        return handler;
    }

    internal ClientStreamingServerMethod<TRequest, TResponse> ClientStreaming<TRequest, TResponse>(Model.ClientStreamingServerMethod<TService, TRequest, TResponse> invoker)
        where TRequest : class
        where TResponse : class
    {
        ClientStreamingServerMethod<TRequest, TResponse> handler = async (requests, context) =>
        {
            var service = activator.Create(InProcessInterceptor.RequestServices(context));
            try
            {
                return await invoker(service.Instance, requests, context).ConfigureAwait(false);
            }
            finally
            {
                await activator.ReleaseAsync(service).ConfigureAwait(false);
            }
        };
        for (var i = interceptors.Count - 1; i >= 0; i--)
        {
            handler = interceptors[i].Wrap(handler);
        }

        return handler;
    }

    internal DuplexStreamingServerMethod<TRequest, TResponse> DuplexStreaming<TRequest, TResponse>(Model.DuplexStreamingServerMethod<TService, TRequest, TResponse> invoker)
        where TRequest : class
        where TResponse : class
    {
        DuplexStreamingServerMethod<TRequest, TResponse> handler = async (requests, responses, context) =>
        {
            var service = activator.Create(InProcessInterceptor.RequestServices(context));
            try
            {
                await invoker(service.Instance, requests, responses, context).ConfigureAwait(false);
            }
            finally
            {
                await activator.ReleaseAsync(service).ConfigureAwait(false);
            }
        };
        for (var i = interceptors.Count - 1; i >= 0; i--)
        {
            handler = interceptors[i].Wrap(handler);
        }

        return handler;
    }
}
