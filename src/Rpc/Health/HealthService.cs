using System.Threading.Channels;
using Grpc.Health.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace JourneyGrpc.Rpc.Health;

/// <summary>
/// <c>grpc.health.v1.Health</c>: Check answers NOT_FOUND for an unknown service; Watch sends the
/// current status (SERVICE_UNKNOWN if unknown) and then every change, until the call ends.
/// See https://github.com/grpc/grpc/blob/master/doc/health-checking.md.
/// </summary>
internal sealed class HealthService(RpcHealthRegistry registry) : Grpc.Health.V1.Health.HealthBase
{
    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        if (registry.TryGetStatus(request.Service, out var status))
        {
            return Task.FromResult(RpcHealthRegistry.Response(status));
        }

        throw new RpcException(new Status(StatusCode.NotFound, $"Service '{request.Service}' is unknown."));
    }

    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        // Only the latest status matters to a watcher, so a slow one never queues more than one.
        var changes = Channel.CreateBounded<ServingStatus>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        using var subscription = registry.Watch((service, status) =>
        {
            if (service == request.Service)
            {
                changes.Writer.TryWrite(status);
            }
        });

        var last = registry.TryGetStatus(request.Service, out var current) ? current : ServingStatus.ServiceUnknown;
        await responseStream.WriteAsync(RpcHealthRegistry.Response(last), context.CancellationToken).ConfigureAwait(false);
        await foreach (var status in changes.Reader.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
        {
            if (status != last)
            {
                last = status;
                await responseStream.WriteAsync(RpcHealthRegistry.Response(status), context.CancellationToken).ConfigureAwait(false);
            }
        }
    }
}
