using System.Diagnostics;
using Grpc.Core;
using JourneyGrpc.StartEvent.V1;

namespace JourneyGrpc.Bench.StartEventScale;

/// <summary>Sequential queries (one in flight) for random keys; client-side latency of each call, each answer checked.</summary>
internal static class LatencyProbe
{
    internal static async Task<LatencySummary> CustomerServicesAsync(StartEventService.StartEventServiceClient client, int customers, int expected, ScaleOptions options, int seed, CancellationToken ct)
    {
        var random = new Random(seed);
        return await MeasureAsync(options, async call =>
        {
            var customer = random.Next(customers);
            var response = await client.QueryCustomerServicesAsync(Workload.CustomerServices(customer), call);
            return response.Services.Count == expected ? null : $"customer {customer}: {response.Services.Count} services, {expected} expected";
        }, ct);
    }

    internal static async Task<LatencySummary> TasksAsync(StartEventService.StartEventServiceClient client, IReadOnlyList<long> services, ScaleOptions options, int seed, CancellationToken ct)
    {
        var random = new Random(seed);
        return await MeasureAsync(options, async call =>
        {
            var service = services[random.Next(services.Count)];
            var response = await client.QueryTasksAsync(Workload.Tasks(service), call);
            return response.Tasks.Count == options.TasksPerService ? null : $"service {service}: {response.Tasks.Count} tasks, {options.TasksPerService} expected";
        }, ct);
    }

    private static async Task<LatencySummary> MeasureAsync(ScaleOptions options, Func<CallOptions, Task<string?>> query, CancellationToken ct)
    {
        var samples = new double[options.Queries];
        for (var i = -options.Warmup; i < options.Queries; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var problem = await query(new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: ct));
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (problem is not null)
            {
                throw new InvalidOperationException(problem);
            }

            if (i >= 0)
            {
                samples[i] = elapsed;
            }
        }

        return LatencySummary.Of(samples);
    }
}
