using System.Diagnostics;
using Grpc.Core;
using JourneyGrpc.Campaign.V1;

namespace JourneyGrpc.Bench.CampaignWatch;

/// <summary>
/// One watch from a known sequence: checks that every event arrives once and in order, records each
/// event's delivery latency (its send timestamp, key <c>bench_sent</c>, to now), and resumes from its
/// last event if the server ends it (counted). Responses are read as <see cref="WatchProbe"/>s.
/// </summary>
internal sealed class Subscriber(CallInvoker invoker, string tenant, long afterSequence)
{
    private readonly CancellationTokenSource _done = new();
    private long _next = afterSequence + 1;
    private long _stopAt;

    internal LatencyHistogram Latency { get; } = new();

    internal long Received { get; private set; }

    internal long OutOfOrder { get; private set; }

    internal int Resumes { get; private set; }

    internal string? LastError { get; private set; }

    /// <summary>The sequence of the last event received.</summary>
    internal long Last => _next - 1;

    internal async Task RunAsync(CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _done.Token);
        var token = linked.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                var request = new WatchCampaignStatusRequest { Tenant = tenant, AfterSequence = Last };
                using var call = invoker.AsyncServerStreamingCall(WatchProbeMethod.Watch, null, new CallOptions(cancellationToken: token), request);
                while (await call.ResponseStream.MoveNext(token))
                {
                    var probe = call.ResponseStream.Current;
                    if (!probe.IsEvent)
                    {
                        continue;
                    }

                    if (probe.Sequence != _next)
                    {
                        OutOfOrder++;
                    }

                    _next = probe.Sequence + 1;
                    Received++;
                    if (probe.SentTicks is { } sent)
                    {
                        Latency.Record(Stopwatch.GetElapsedTime((long)sent).TotalMilliseconds);
                    }

                    if (Volatile.Read(ref _stopAt) is > 0 and var stopAt && Last >= stopAt)
                    {
                        await _done.CancelAsync();
                    }
                }
            }
            catch (Exception ex) when (token.IsCancellationRequested && ex is OperationCanceledException or RpcException)
            {
                return;
            }
            catch (RpcException ex)
            {
                Resumes++;
                LastError = $"{ex.StatusCode}: {ex.Status.Detail}";
            }
        }
    }

    /// <summary>Tells the subscriber to stop once it has received <paramref name="sequence"/> (at once if it has).</summary>
    internal void StopAt(long sequence)
    {
        Volatile.Write(ref _stopAt, sequence);
        if (Last >= sequence)
        {
            _done.Cancel();
        }
    }
}
