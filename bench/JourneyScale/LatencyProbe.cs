using System.Diagnostics;
using Grpc.Core;
using JourneyGrpc.Journey.V1;

namespace JourneyGrpc.Bench.JourneyScale;

/// <summary>Sequential searches (one in flight) for random journeys; client-side latency of each call.</summary>
internal static class LatencyProbe
{
    internal static async Task<LatencySummary> MeasureAsync(
        JourneyService.JourneyServiceClient client,
        Func<int, SearchJourneysRequest> search,
        int journeys,
        int expectedPerJourney,
        int warmup,
        int queries,
        int seed,
        CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var samples = new double[queries];
        for (var i = -warmup; i < queries; i++)
        {
            var journey = random.Next(journeys);
            var started = Stopwatch.GetTimestamp();
            var response = await client.SearchJourneysAsync(search(journey), new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: cancellationToken));
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (expectedPerJourney > 0 && response.Pagination.Total != expectedPerJourney)
            {
                throw new InvalidOperationException($"Journey {journey}: {response.Pagination.Total} engagements found, {expectedPerJourney} expected.");
            }

            if (i >= 0)
            {
                samples[i] = elapsed;
            }
        }

        return LatencySummary.Of(samples);
    }
}
