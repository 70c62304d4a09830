using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Grpc.Net.Client;
using JourneyGrpc.Server.Tests.Campaign.Infrastructure;
using JourneyGrpc.Server.Tests.WebEngagement.Infrastructure;
using JourneyGrpc.WebEngagement.V1;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace JourneyGrpc.Server.Tests.WebEngagement.MultiProcess;

/// <summary>
/// Acknowledged means durable, for web actions too: the bench's load, 10,000 visitors on 512 pooled
/// connections, drives engage → offered → accepted/rejected over REST at the real server process,
/// which is killed with SIGKILL once 3,000 transitions are acknowledged; after a restart on the same file every acknowledged transition is in
/// its action's history and in the deployment's log, and PRAGMA integrity_check is ok.
/// </summary>
public sealed class EngagementCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Visitors = 10_000;
    private const int Connections = 512;
    private const int KillAfterAcknowledged = 3_000;
    private const string Deployment = Visits.Deployment;
    private readonly TempDirectory _directory = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    [Fact]
    public async Task Transitions_ServerKilledMidLoad_EveryAcknowledgedTransitionSurvivesRestart()
    {
        var database = Path.Combine(_directory.Path, "crash.db");

        // Attempts must not expire while 10,000 visitors queue for connections on a busy machine: this test is about durability.
        string[] arguments = [$"--Store:SqlitePath={database}", $"--Engagement:DefaultDeploymentId={Deployment}", "--Engagement:EngagementExpirationTime=1800"];
        var acknowledged = new ConcurrentQueue<(string ActionId, WebActionState State)>();
        var attempted = 0;
        var killNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int inFlightAtKill;
        await using (var server = await ServerProcess.StartAsync(arguments).Bounded(TimeSpan.FromSeconds(90)))
        {
            using var rest = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Connections }) { BaseAddress = server.RestAddress, Timeout = TimeSpan.FromSeconds(120) };
            var workers = Enumerable.Range(0, Visitors).Select(visitor => Task.Run(async () =>
            {
                while (!killNow.Task.IsCompleted)
                {
                    var visit = Guid.NewGuid().ToString("D");
                    Interlocked.Increment(ref attempted);
                    var engaged = await TryPostAsync(rest, "/server/data/gateway/engage", new FormUrlEncodedContent([new("ixnProfile", $$"""{"visitID":"{{visit}}"}""")]), HttpStatusCode.OK);
                    if (engaged is null)
                    {
                        return; // the server is gone
                    }

                    string id;
                    using (var document = JsonDocument.Parse(engaged))
                    {
                        id = document.RootElement.GetProperty("webAction").GetProperty("id").GetString()!;
                    }

                    Acknowledge(id, WebActionState.Qualified);
                    foreach (var (literal, state) in new[] { ("offered", WebActionState.Offered), visitor % 2 == 0 ? ("accepted", WebActionState.Accepted) : ("rejected", WebActionState.Rejected) })
                    {
                        Interlocked.Increment(ref attempted);
                        var body = $$"""{"sessionId":"{{visit}}","actionId":"{{id}}","actionState":"{{literal}}"}""";
                        if (await TryPostAsync(rest, $"/api/v2/journey/deployments/{Deployment}/actionevent", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), HttpStatusCode.NoContent) is null)
                        {
                            return;
                        }

                        Acknowledge(id, state);
                    }
                }
            })).ToArray();

            await killNow.Task.WaitAsync(TimeSpan.FromSeconds(120));
            inFlightAtKill = Volatile.Read(ref attempted) - acknowledged.Count;
            await server.KillAsync();
            await Task.WhenAll(workers).WaitAsync(TimeSpan.FromSeconds(120));
        }

        // Restart on the same file: the WAL is recovered; every acknowledged transition is read back.
        var acked = acknowledged.ToArray();
        int missingFromRecords;
        int missingFromLog;
        await using (var restarted = await ServerProcess.StartAsync(arguments).Bounded(TimeSpan.FromSeconds(90)))
        {
            using var channel = GrpcChannel.ForAddress(restarted.GrpcAddress);
            var client = new EngagementService.EngagementServiceClient(channel);
            var histories = new Dictionary<string, HashSet<WebActionState>>(StringComparer.Ordinal);
            foreach (var id in acked.Select(a => a.ActionId).Distinct())
            {
                try
                {
                    var action = (await client.GetWebActionAsync(new GetWebActionRequest { DeploymentId = Deployment, ActionId = id }).ResponseAsync.Bounded()).WebAction;
                    histories[id] = [.. action.History.Select(h => h.State)];
                }
                catch (Grpc.Core.RpcException ex) when (ex.StatusCode == Grpc.Core.StatusCode.NotFound)
                {
                    histories[id] = [];
                }
            }

            missingFromRecords = acked.Count(a => !histories[a.ActionId].Contains(a.State));

            // The log: every acknowledged change is an event (read from the start; the newest event ends the read).
            var logged = new HashSet<(string, WebActionState)>();
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            using var watch = client.WatchWebActions(new WatchWebActionsRequest { DeploymentId = Deployment, AfterSequence = 0 }, cancellationToken: cancel.Token);
            var wanted = acked.ToHashSet();
            try
            {
                while (logged.Count(wanted.Contains) < wanted.Count && await watch.ResponseStream.MoveNext(cancel.Token))
                {
                    if (watch.ResponseStream.Current.Event is { } change)
                    {
                        logged.Add((change.Action.Id, change.Action.State));
                    }
                }
            }
            catch (Grpc.Core.RpcException) when (cancel.IsCancellationRequested)
            {
                // Some acknowledged change never came: counted below.
            }

            missingFromLog = wanted.Count(w => !logged.Contains(w));
            await restarted.KillAsync();
        }

        var integrity = await IntegrityCheckAsync(database);
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"engagement crash test (SQLite, SIGKILL mid-load): {Visitors} visitors over REST on {Connections} connections, {Volatile.Read(ref attempted)} calls sent, {inFlightAtKill} in flight at kill; acknowledged {acked.Length} transitions; missing from records {missingFromRecords}, from the log {missingFromLog}; integrity_check {integrity}");
        output.WriteLine(summary);
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Results("server"), "engagement-crash-test.txt"), summary + "\n");

        Assert.True(acked.Length >= KillAfterAcknowledged, summary);
        Assert.Equal("ok", integrity);
        Assert.Equal(0, missingFromRecords);
        Assert.Equal(0, missingFromLog);

        void Acknowledge(string id, WebActionState state)
        {
            acknowledged.Enqueue((id, state));
            if (acknowledged.Count >= KillAfterAcknowledged)
            {
                killNow.TrySetResult();
            }
        }
    }

    private static async Task<string?> TryPostAsync(HttpClient rest, string path, HttpContent content, HttpStatusCode expected)
    {
        try
        {
            using var response = await rest.PostAsync(path, content);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode} {body}");
            return body;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task<string> IntegrityCheckAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        await connection.OpenAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        return (string)(await check.ExecuteScalarAsync())!;
    }
}
