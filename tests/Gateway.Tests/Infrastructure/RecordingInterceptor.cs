using Grpc.Core;
using Grpc.Core.Interceptors;

namespace JourneyGrpc.Gateway.Tests.Infrastructure;

/// <summary>
/// Records entering and leaving each call, with the method it sees; created per call (by
/// Grpc.AspNetCore's interceptor activator) from the call's request services.
/// </summary>
internal sealed class RecordingInterceptor(string name, CallProbe probe, RequestScopeMarker scope) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var record = Enter(context);
        try
        {
            return await continuation(request, context);
        }
        finally
        {
            record.Events.Enqueue($"<{name}");
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var record = Enter(context);
        try
        {
            await continuation(request, responseStream, context);
        }
        finally
        {
            record.Events.Enqueue($"<{name}");
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var record = Enter(context);
        try
        {
            return await continuation(requestStream, context);
        }
        finally
        {
            record.Events.Enqueue($"<{name}");
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var record = Enter(context);
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        finally
        {
            record.Events.Enqueue($"<{name}");
        }
    }

    private CallRecord Enter(ServerCallContext context)
    {
        var record = probe.For(context);
        scope.UsedBy(record);
        record.Events.Enqueue($"{name}> {context.Method}");
        return record;
    }
}
