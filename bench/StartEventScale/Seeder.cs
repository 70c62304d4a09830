using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using JourneyGrpc.StartEvent.V1;

namespace JourneyGrpc.Bench.StartEventScale;

/// <summary>
/// Starts services [from, to) through the gRPC API with bounded concurrency: service i belongs to
/// customer i / servicesPerCustomer; every tasksEvery-th service gets tasksPerService tasks.
/// Returns the services started per second and the ids of the services with tasks.
/// </summary>
internal static class Seeder
{
    internal static async Task<(double Rate, List<long> WithTasks)> SeedAsync(StartEventService.StartEventServiceClient client, int from, int to, ScaleOptions options, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var next = from;
        var withTasks = new ConcurrentBag<long>();
        var workers = Enumerable.Range(0, options.SeedConcurrency).Select(async _ =>
        {
            while (true)
            {
                var item = Interlocked.Increment(ref next) - 1;
                if (item >= to)
                {
                    return;
                }

                var call = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(60), cancellationToken: cancellationToken);
                var started = await client.StartServiceAsync(Workload.Service(item, options.ServicesPerCustomer), call);
                if (item % options.TasksEvery == 0)
                {
                    for (var t = 0; t < options.TasksPerService; t++)
                    {
                        await client.StartTaskAsync(Workload.Task(started.ServiceId, t), call);
                    }

                    withTasks.Add(started.ServiceId);
                }
            }
        });
        await Task.WhenAll(workers);
        return ((to - from) / stopwatch.Elapsed.TotalSeconds, [.. withTasks]);
    }
}
