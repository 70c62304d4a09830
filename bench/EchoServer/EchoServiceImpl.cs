using Grpc.Core;
using JourneyGrpc.Bench.V1;

namespace JourneyGrpc.Bench.EchoServer;

/// <summary>Echoes payloads back: once for <c>Echo</c>, <c>count</c> times for <c>EchoStream</c>.</summary>
internal sealed class EchoServiceImpl : EchoService.EchoServiceBase
{
    public override Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);

        // ByteString is immutable, so the payload is shared, not copied.
        return Task.FromResult(new EchoResponse { Payload = request.Payload });
    }

    public override async Task EchoStream(EchoStreamRequest request, IServerStreamWriter<EchoStreamResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);

        // One response object for every message: the benchmark measures the transport, not allocation of messages.
        var response = new EchoStreamResponse { Payload = request.Payload };
        for (var i = 0; i < request.Count && !context.CancellationToken.IsCancellationRequested; i++)
        {
            await responseStream.WriteAsync(response).ConfigureAwait(false);
        }
    }
}
