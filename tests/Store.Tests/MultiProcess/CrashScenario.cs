using System.Collections.Concurrent;
using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using JourneyGrpc.Store.Tests.Infrastructure;
using JourneyGrpc.Store.Tests.V1;
using Xunit.Abstractions;

namespace JourneyGrpc.Store.Tests.MultiProcess;

/// <summary>
/// Acknowledged means durable: 64 clients drive Put calls at a server process, which is killed with
/// SIGKILL once 6,000 writes are acknowledged; after a restart every acknowledged write is there, equal
/// to what was sent, and the provider's integrity check passes. The same scenario for every provider.
/// </summary>
internal static class CrashScenario
{
    internal const string Tenant = "crash-test";
    internal const string Collection = "records";
    private const int Writers = 64;
    private const int WritesPerWriter = 200;
    private const int KillAfterAcknowledged = 6_000;

    /// <summary>What the database holds after the crash, read bypassing the store: its integrity check result (null when it has none) and every record by id.</summary>
    internal delegate Task<(string? Integrity, Dictionary<string, byte[]> Stored)> ReadBack();

    internal static async Task RunAsync(string provider, string[] arguments, ReadBack readBack, ITestOutputHelper output)
    {
        var acknowledged = new ConcurrentQueue<string>();
        var attempted = 0;
        var killNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int inFlightAtKill;
        await using (var host = await CrashHostProcess.StartAsync(arguments).DefaultTimeout())
        {
            using var channel = GrpcChannel.ForAddress(host.Address);
            var client = new StoreTestService.StoreTestServiceClient(channel);
            var workers = Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
            {
                for (var n = 0; n < WritesPerWriter; n++)
                {
                    var id = Id(writer, n);
                    Interlocked.Increment(ref attempted);
                    try
                    {
                        await client.PutAsync(new PutRequest { Tenant = Tenant, Record = Expected(id) }, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(60))).ResponseAsync;
                    }
                    catch (RpcException)
                    {
                        return; // the server is gone
                    }

                    acknowledged.Enqueue(id);
                    if (acknowledged.Count >= KillAfterAcknowledged)
                    {
                        killNow.TrySetResult();
                    }
                }
            })).ToArray();

            await killNow.Task.DefaultTimeout();
            inFlightAtKill = Volatile.Read(ref attempted) - acknowledged.Count;
            await host.KillAsync();
            await Task.WhenAll(workers).DefaultTimeout();
        }

        // Restart on the same database: the log is recovered and the server writes again.
        await using (var restarted = await CrashHostProcess.StartAsync(arguments).DefaultTimeout())
        {
            using var channel = GrpcChannel.ForAddress(restarted.Address);
            var response = await new StoreTestService.StoreTestServiceClient(channel).PutAsync(new PutRequest { Tenant = Tenant, Record = Expected("after-restart") }).ResponseAsync.DefaultTimeout();
            Assert.Equal(1, response.Version);
            await restarted.KillAsync();
        }

        var (integrity, stored) = await readBack();
        var acked = acknowledged.ToArray();
        var found = acked.Count(id => stored.TryGetValue(id, out var payload) && payload.AsSpan().SequenceEqual(Expected(id).ToByteArray()));
        var extra = stored.Keys.Count(id => id != "after-restart") - found;
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"crash test ({provider}, SIGKILL mid-load): {Writers} writers, {Volatile.Read(ref attempted)} writes sent, {inFlightAtKill} in flight at kill; acknowledged {acked.Length}, found {found}; committed but not acknowledged {extra}; integrity check {integrity ?? "n/a (server-side WAL)"}");
        output.WriteLine(summary);
        var file = provider == "SQLite" ? "crash-test.txt" : $"crash-test-{provider.ToLowerInvariant()}.txt";
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Results("store"), file), summary + "\n");

        Assert.True(Volatile.Read(ref attempted) >= 5_000, summary);
        if (integrity is not null)
        {
            Assert.Equal("ok", integrity);
        }

        Assert.Equal(acked.Length, found);
        Assert.True(stored.ContainsKey("after-restart"));
    }

    private static string Id(int writer, int n) => string.Create(CultureInfo.InvariantCulture, $"w{writer:D2}-{n:D4}");

    private static TestRecord Expected(string id) => new()
    {
        Id = id,
        Name = "crash",
        Number = id.GetHashCode(StringComparison.Ordinal),
        Blob = ByteString.CopyFromUtf8(new string('x', 200) + id),
        Tags = { id, "durable" },
    };
}
