using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using JourneyGrpc.Store.Tests.Infrastructure;
using JourneyGrpc.Store.Tests.V1;
using Xunit.Abstractions;

namespace JourneyGrpc.Store.Tests.MultiProcess;

/// <summary>
/// Two server processes on one PostgreSQL database: an event appended through one reaches a client
/// tailing the log on the other (LISTEN/NOTIFY across processes) within 100 ms.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReplicaTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const int Samples = 20;
    private static readonly TimeSpan Limit = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task Tail_AppendThroughOtherReplica_SeenWithin100Ms()
    {
        var connectionString = await postgres.CreateDatabaseAsync("two_replicas").DefaultTimeout();
        string[] arguments = ["--Store:Provider=postgres", "--Store:PostgresConnectionString=" + connectionString];
        var starting = new[] { CrashHostProcess.StartAsync(arguments), CrashHostProcess.StartAsync(arguments) };
        var hosts = await Task.WhenAll(starting).DefaultTimeout();
        await using var writerHost = hosts[0];
        await using var readerHost = hosts[1];
        using var writerChannel = GrpcChannel.ForAddress(writerHost.Address);
        using var readerChannel = GrpcChannel.ForAddress(readerHost.Address);
        var writer = new StoreTestService.StoreTestServiceClient(writerChannel);
        var reader = new StoreTestService.StoreTestServiceClient(readerChannel);

        // Sequence → when the tail on the other replica delivered it.
        var seen = new ConcurrentDictionary<long, TaskCompletionSource<long>>();
        TaskCompletionSource<long> Seen(long sequence) => seen.GetOrAdd(sequence, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        using var stop = new CancellationTokenSource();
        using var tail = reader.Tail(new TailRequest { Tenant = "acme", Log = "campaign-group/g1" }, new CallOptions(cancellationToken: stop.Token));
        var tailing = Task.Run(async () =>
        {
            while (await tail.ResponseStream.MoveNext(stop.Token))
            {
                Seen(tail.ResponseStream.Current.Sequence).TrySetResult(Stopwatch.GetTimestamp());
            }
        });

        // Warm-up: the stream is live and both connections are open before anything is measured.
        var first = await writer.AppendAsync(new AppendRequest { Tenant = "acme", Log = "campaign-group/g1", Event = Records.Small("warm-up") }).ResponseAsync.DefaultTimeout();
        await Seen(first.Sequence).Task.DefaultTimeout();

        var latencies = new List<TimeSpan>();
        for (var i = 0; i < Samples; i++)
        {
            var sent = Stopwatch.GetTimestamp();
            var appended = await writer.AppendAsync(new AppendRequest { Tenant = "acme", Log = "campaign-group/g1", Event = Records.Small($"e{i}") }).ResponseAsync.DefaultTimeout();
            var received = await Seen(appended.Sequence).Task.DefaultTimeout();
            latencies.Add(Stopwatch.GetElapsedTime(sent, received));
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => tailing.DefaultTimeout());
        var sorted = latencies.Order().ToList();
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"two replicas on PostgreSQL {postgres.Cluster.Version}: append on one -> seen by a Tail on the other, {Samples} events: median {sorted[Samples / 2].TotalMilliseconds:F1} ms, max {sorted[^1].TotalMilliseconds:F1} ms (limit {Limit.TotalMilliseconds} ms); all: {string.Join(' ', latencies.Select(l => l.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture)))}");
        output.WriteLine(summary);
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Results("store"), "replica-test.txt"), summary + "\n");

        Assert.All(latencies, latency => Assert.True(latency <= Limit, summary));
    }
}
