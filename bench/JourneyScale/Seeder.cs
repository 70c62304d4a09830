using System.Diagnostics;
using Grpc.Core;
using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Bench.JourneyScale;

/// <summary>Creates the engagements of journeys [from, to) through the gRPC API, with bounded concurrency.</summary>
internal static class Seeder
{
    internal static async Task<double> SeedAsync(JourneyService.JourneyServiceClient client, int from, int to, int perJourney, int concurrency, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var next = from * perJourney;
        var end = to * perJourney;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (true)
            {
                var item = Interlocked.Increment(ref next) - 1;
                if (item >= end)
                {
                    return;
                }

                var request = Workload.Engagement(item / perJourney, item % perJourney, perJourney);
                await client.CreateEngagementAsync(request, new CallOptions(deadline: DateTime.UtcNow.AddSeconds(60), cancellationToken: cancellationToken));
            }
        });
        await Task.WhenAll(workers);
        return (end - (from * perJourney)) / stopwatch.Elapsed.TotalSeconds;
    }
}
