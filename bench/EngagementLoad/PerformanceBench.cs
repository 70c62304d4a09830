using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using JourneyGrpc.WebEngagement.V1;

namespace JourneyGrpc.Bench.EngagementLoad;

/// <summary>
/// Seeds <c>maps</c> action maps × <c>days</c> days of history through the gRPC API (the server's clock
/// moved back a day at a time), then times GetActionMapPerformance over REST for random maps over the
/// whole range, one call in flight.
/// </summary>
internal static class PerformanceBench
{
    internal static async Task<(long Actions, TimeSpan Seeding)> SeedAsync(BenchHost host, string deployment, string[] maps, int days, int perMapDay, int concurrency, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        long actions = 0;
        for (var day = days; day >= 1; day--)
        {
            host.Clock.Offset = -TimeSpan.FromDays(day);
            var work = Enumerable.Range(0, maps.Length * perMapDay).ToArray();
            await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (n, ct) =>
            {
                var map = maps[n % maps.Length];
                var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(120), cancellationToken: ct);
                var action = (await host.Client.EngageAsync(new EngageRequest
                {
                    DeploymentId = deployment,
                    ActionMapId = map,
                    ActionMapVersion = 1,
                    IxnProfile = new IxnProfile { VisitId = Guid.NewGuid().ToString("D"), GlobalVisitId = Guid.NewGuid().ToString("D") },
                }, options)).WebAction;
                foreach (var state in n % 3 == 2 ? ["frequencyCapReached"] : new[] { "offered", n % 3 == 0 ? "accepted" : "rejected" })
                {
                    await host.Client.RecordActionEventAsync(new RecordActionEventRequest { DeploymentId = deployment, SessionId = action.SessionId, ActionId = action.Id, ActionState = state }, options);
                }

                Interlocked.Increment(ref actions);
            });
        }

        host.Clock.Offset = TimeSpan.Zero;
        return (actions, clock.Elapsed);
    }

    internal static async Task<Latencies> MeasureAsync(RestLoad rest, string deployment, string[] maps, int days, int warmup, int queries, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var range = string.Create(CultureInfo.InvariantCulture, $"startTime={now.AddDays(-days - 1):yyyy-MM-ddTHH:mm:ssZ}&endTime={now:yyyy-MM-ddTHH:mm:ssZ}");
        var random = new Random(12345);
        var discard = new Latencies();
        var latencies = new Latencies();
        for (var i = 0; i < warmup + queries; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var map = maps[random.Next(maps.Length)];
            await rest.GetAsync($"/v1/deployments/{deployment}/action-maps/{map}/versions/1/performance?{range}", i < warmup ? discard : latencies);
        }

        return latencies;
    }
}
