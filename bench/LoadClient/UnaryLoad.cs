using System.Diagnostics;
using JourneyGrpc.Bench.V1;
using JourneyGrpc.Rpc;
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
        var channels = Enumerable.Range(0, options.Connections).Select(_ => RpcChannel.ForAddress(options.Address)).ToArray();
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

            var phase = new LoadPhase();
            var workers = new Task<UnaryWorkerResult>[options.Concurrency];
            for (var i = 0; i < workers.Length; i++)
            {
                var client = clients[i % clients.Length];
                workers[i] = Task.Run(() => WorkerAsync(client, request, phase, cancellationToken), cancellationToken);
            }

            await Task.Delay(options.Warmup, cancellationToken).ConfigureAwait(false);
            var started = Stopwatch.GetTimestamp();
            phase.StartMeasuring();
            await Task.Delay(options.Duration, cancellationToken).ConfigureAwait(false);
            phase.Stop();
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var results = await Task.WhenAll(workers).ConfigureAwait(false);

            var latencies = results.SelectMany(result => result.Latencies).ToArray();
            Array.Sort(latencies);
            var errors = results.Sum(result => result.Errors);
            var rps = latencies.Length / seconds;
            var p50 = Milliseconds(Percentile(latencies, 0.50));
            var p99 = Milliseconds(Percentile(latencies, 0.99));

            Console.WriteLine(Invariant($"unary Echo, payload {options.PayloadSize} B, concurrency {options.Concurrency}, connections {options.Connections}, {seconds:F1} s measured after {options.Warmup.TotalSeconds:F0} s warm-up"));
            Console.WriteLine(Invariant($"  {latencies.Length} calls, {rps:F0} req/s, p50 {p50:F3} ms, p99 {p99:F3} ms, {errors} errors"));
            var firstError = results.Select(result => result.FirstError).FirstOrDefault(message => message is not null);
            if (firstError is not null)
            {
                Console.WriteLine("  first error: " + firstError);
            }

            Console.WriteLine(Invariant($"RESULT mode=unary payload={options.PayloadSize} concurrency={options.Concurrency} connections={options.Connections} calls={latencies.Length} seconds={seconds:F3} rps={rps:F0} p50_ms={p50:F3} p99_ms={p99:F3} errors={errors}"));
            return errors == 0 ? 0 : 1;
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

    private static long Percentile(long[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
