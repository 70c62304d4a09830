using System.Collections.Concurrent;
using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using JourneyGrpc.Store.Tests.Infrastructure;
using JourneyGrpc.Store.Tests.V1;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace JourneyGrpc.Store.Tests.MultiProcess;

/// <summary>
/// Acknowledged means durable: 64 clients drive Put calls at a server process, which is killed with
/// SIGKILL once 6,000 writes are acknowledged; after a restart every acknowledged write is there,
/// equal to what was sent, and PRAGMA integrity_check is ok.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Writers = 64;
    private const int WritesPerWriter = 200;
    private const int KillAfterAcknowledged = 6_000;
    private const string Tenant = "crash-test";
    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task Put_ServerKilledMidLoad_EveryAcknowledgedWriteSurvivesRestart()
    {
        var database = _directory.File("crash.db");
        string[] arguments = [$"--Store:SqlitePath={database}"];
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

        // Restart on the same file: the WAL is recovered and the server writes again.
        await using (var restarted = await CrashHostProcess.StartAsync(arguments).DefaultTimeout())
        {
            using var channel = GrpcChannel.ForAddress(restarted.Address);
            var response = await new StoreTestService.StoreTestServiceClient(channel).PutAsync(new PutRequest { Tenant = Tenant, Record = Expected("after-restart") }).ResponseAsync.DefaultTimeout();
            Assert.Equal(1, response.Version);
            await restarted.KillAsync();
        }

        var (integrity, stored) = await ReadBackAsync(database);
        var acked = acknowledged.ToArray();
        var found = acked.Count(id => stored.TryGetValue(id, out var payload) && payload.AsSpan().SequenceEqual(Expected(id).ToByteArray()));
        var extra = stored.Keys.Count(id => id != "after-restart") - found;
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"crash test (SQLite, SIGKILL mid-load): {Writers} writers, {Volatile.Read(ref attempted)} writes sent, {inFlightAtKill} in flight at kill; acknowledged {acked.Length}, found {found}; committed but not acknowledged {extra}; integrity_check {integrity}");
        output.WriteLine(summary);
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Results("store"), "crash-test.txt"), summary + "\n");

        Assert.True(Volatile.Read(ref attempted) >= 5_000, summary);
        Assert.Equal("ok", integrity);
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

    private static async Task<(string Integrity, Dictionary<string, byte[]> Stored)> ReadBackAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        var integrity = (string)(await check.ExecuteScalarAsync())!;
        await using var read = connection.CreateCommand();
        read.CommandText = "SELECT id, payload FROM records WHERE tenant = $t AND collection = 'records'";
        read.Parameters.AddWithValue("$t", Tenant);
        var stored = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stored[reader.GetString(0)] = (byte[])reader.GetValue(1);
        }

        return (integrity, stored);
    }
}
