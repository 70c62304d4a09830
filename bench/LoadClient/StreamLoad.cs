using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using JourneyGrpc.Bench.V1;
using static System.FormattableString;

namespace JourneyGrpc.Bench.LoadClient;

/// <summary>
/// One server-streaming <c>EchoStream</c> call that receives <c>--count</c> messages: messages/s
/// over the whole call and from the first message on (excluding call set-up).
/// </summary>
internal static class StreamLoad
{
    public static async Task<int> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress(options.Address);
        var client = new EchoService.EchoServiceClient(channel);
        var payload = Payloads.Create(options.PayloadSize);

        if (options.WarmupCount > 0)
        {
            var warmup = await ReadOneStreamAsync(client, payload, options.WarmupCount, cancellationToken).ConfigureAwait(false);
            if (warmup.Received != options.WarmupCount || warmup.BadPayloads != 0)
            {
                Console.Error.WriteLine(Invariant($"warm-up stream: received {warmup.Received} of {options.WarmupCount}, {warmup.BadPayloads} bad payloads"));
                return 1;
            }
        }

        var run = await ReadOneStreamAsync(client, payload, options.Count, cancellationToken).ConfigureAwait(false);
        var total = run.Received / run.TotalSeconds;
        var steady = run.Received > 1 ? (run.Received - 1) / run.SecondsAfterFirst : 0;
        var ok = run.Received == options.Count && run.BadPayloads == 0;

        Console.WriteLine(Invariant($"server-streaming EchoStream, payload {options.PayloadSize} B, {options.Count} messages requested, {options.WarmupCount} warm-up messages before"));
        Console.WriteLine(Invariant($"  received {run.Received} in {run.TotalSeconds:F3} s: {total:F0} msg/s overall, {steady:F0} msg/s after the first message, {run.BadPayloads} bad payloads"));
        Console.WriteLine(Invariant($"RESULT mode=stream payload={options.PayloadSize} count={options.Count} received={run.Received} seconds={run.TotalSeconds:F3} msgs_per_s={total:F0} steady_msgs_per_s={steady:F0} errors={(ok ? 0 : 1)}"));
        return ok ? 0 : 1;
    }

    private static async Task<StreamRun> ReadOneStreamAsync(EchoService.EchoServiceClient client, Google.Protobuf.ByteString payload, int count, CancellationToken cancellationToken)
    {
        var request = new EchoStreamRequest { Payload = payload, Count = count };
        var start = Stopwatch.GetTimestamp();
        long first = 0;
        long received = 0;
        long bad = 0;
        using (var call = client.EchoStream(request, new CallOptions(cancellationToken: cancellationToken)))
        {
            var stream = call.ResponseStream;
            while (await stream.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                if (received == 0)
                {
                    first = Stopwatch.GetTimestamp();
                }

                if (stream.Current.Payload.Length != payload.Length)
                {
                    bad++;
                }

                received++;
            }
        }

        var end = Stopwatch.GetTimestamp();
        return new StreamRun(received, bad, Stopwatch.GetElapsedTime(start, end).TotalSeconds, Stopwatch.GetElapsedTime(first == 0 ? start : first, end).TotalSeconds);
    }
}
