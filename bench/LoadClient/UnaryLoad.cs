using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using JourneyGrpc.Bench.V1;
using static System.FormattableString;

namespace JourneyGrpc.Bench.LoadClient;

/// <summary>
/// Unary <c>Echo</c> calls from a fixed number of concurrent workers (closed loop) spread over
/// <c>--connections</c> channels: requests/s and p50/p99 latency over the measured window.
/// </summary>
internal static class UnaryLoad
{
    public static async Task<int> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        var channels = Enumerable.Range(0, options.Connections).Select(_ => GrpcChannel.ForAddress(options.Address)).ToArray();
        try
        {
            var clients = channels.Select(channel => new EchoService.EchoServiceClient(channel)).ToArray();
            var request = new EchoRequest { Payload = Payloads.Create(options.PayloadSize) };

            // One call first so that a dead server or a wrong contract fails fast and loudly.
            var probe = await clients[0].EchoAsync(request, new CallOptions(cancellationToken: cancellationToken)).ResponseAsync.ConfigureAwait(false);
            if (!probe.Payload.Equals(request.Payload))
            {
                Console.Error.WriteLine("probe call: echoed payload differs from the request");
                return 1;
            }

            return await ClosedLoopRun.RunAsync(
                options,
                (i, phase) => WorkerAsync(clients[i % clients.Length], request, phase, cancellationToken),
                Invariant($"unary Echo, payload {options.PayloadSize} B, concurrency {options.Concurrency}, connections {options.Connections}"),
                Invariant($"mode=unary payload={options.PayloadSize} concurrency={options.Concurrency} connections={options.Connections}"),
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }
    }

    private static async Task<UnaryWorkerResult> WorkerAsync(EchoService.EchoServiceClient client, EchoRequest request, LoadPhase phase, CancellationToken cancellationToken)
    {
        var latencies = new List<long>(capacity: 1 << 16);
        long errors = 0;
        string? firstError = null;
        var options = new CallOptions(cancellationToken: cancellationToken);
        while (phase.Value != LoadPhase.Stopped && !cancellationToken.IsCancellationRequested)
        {
            var measuring = phase.Value == LoadPhase.Measuring;
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var call = client.EchoAsync(request, options);
                var response = await call.ResponseAsync.ConfigureAwait(false);
                if (response.Payload.Length != request.Payload.Length)
                {
                    throw new InvalidDataException(Invariant($"echoed {response.Payload.Length} bytes, sent {request.Payload.Length}"));
                }

                // Count only calls that both started and ended inside the measured window.
                if (measuring && phase.Value == LoadPhase.Measuring)
                {
                    latencies.Add(Stopwatch.GetTimestamp() - start);
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                errors++;
                firstError ??= e.GetType().Name + ": " + e.Message;
            }
        }

        return new UnaryWorkerResult(latencies, errors, firstError);
    }
}
