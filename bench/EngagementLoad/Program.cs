using System.Globalization;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Bench.EngagementLoad;
using JourneyGrpc.WebEngagement.V1;

// Engagement load over REST against the journey service's create-engagement rate, then action-map performance.
//   dotnet bench/EngagementLoad/bin/Release/net10.0/JourneyGrpc.Bench.EngagementLoad.dll [--visitors 10000] [--seconds 30]
//     [--connections 512] [--maps 1000] [--days 30] [--per-map-day 2] [--queries 2000] [--warmup 200] [--seed-concurrency 64] [--output FILE]
var options = BenchOptions.Parse(args);
var directory = Directory.CreateTempSubdirectory("engagement-load-").FullName;
var report = new StringBuilder();
void Line(string text)
{
    Console.WriteLine(text);
    report.AppendLine(text);
}

string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
const string Deployment = "7d1f0c2e-5a3b-4c8d-9e6f-0a1b2c3d4e5f";
try
{
    await using var host = await BenchHost.StartAsync(directory);
    using var rest = new RestLoad(host.Rest, options.Connections);
    var loadMaps = Enumerable.Range(0, 100).Select(_ => Guid.NewGuid().ToString("D")).ToArray();

    // Warm-up: JIT, connections, SQLite pages; not counted.
    var warm = new VisitorFlow(rest, Deployment, loadMaps);
    var warmJourney = new JourneyCreateFlow(rest);
    await RestLoad.RunAsync(Math.Min(options.Visitors, 500), TimeSpan.FromSeconds(3), warm.RunOnceAsync);
    await RestLoad.RunAsync(Math.Min(options.Visitors, 500), TimeSpan.FromSeconds(3), warmJourney.RunOnceAsync);
    Console.Error.WriteLine(F($"warm-up: {warm.Succeeded} transitions ({warm.Failed} failed), {warmJourney.Succeeded} creates ({warmJourney.Failed} failed)"));

    var visitors = new VisitorFlow(rest, Deployment, loadMaps);
    var visitorTime = await RestLoad.RunAsync(options.Visitors, TimeSpan.FromSeconds(options.Seconds), visitors.RunOnceAsync);
    var journey = new JourneyCreateFlow(rest);
    var journeyTime = await RestLoad.RunAsync(options.Visitors, TimeSpan.FromSeconds(options.Seconds), journey.RunOnceAsync);
    var results = new[]
    {
        new LoadResult("engagement transitions (engage, offered, accepted/rejected)", visitors.Succeeded, visitors.Failed, visitorTime, visitors.Latencies),
        new LoadResult("journey create-engagement (POST .../engagements)", journey.Succeeded, journey.Failed, journeyTime, journey.Latencies),
    };

    var maps = Enumerable.Range(0, options.Maps).Select(_ => Guid.NewGuid().ToString("D")).ToArray();
    var (seeded, seeding) = await PerformanceBench.SeedAsync(host, Deployment, maps, options.Days, options.PerMapDay, options.SeedConcurrency, CancellationToken.None);
    Console.Error.WriteLine(F($"seeded {seeded} actions over {options.Maps} maps x {options.Days} days in {seeding.TotalSeconds:F0} s"));
    var check = await host.Client.GetActionMapPerformanceAsync(new GetActionMapPerformanceRequest
    {
        DeploymentId = Deployment,
        ActionMapId = maps[0],
        ActionMapVersion = 1,
        StartTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(-options.Days - 1)),
        EndTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
    });
    var performance = await PerformanceBench.MeasureAsync(rest, Deployment, maps, options.Days, options.Warmup, options.Queries, CancellationToken.None);

    var size = new FileInfo(host.DatabasePath).Length + (File.Exists(host.DatabasePath + "-wal") ? new FileInfo(host.DatabasePath + "-wal").Length : 0);
    Line(F($"{options.Visitors:N0} concurrent visitors over REST (HTTP/1.1, {options.Connections} pooled connections), {options.Seconds} s per row, after a 3 s warm-up; SQLite store ({size / (1024 * 1024)} MiB at the end); {Environment.ProcessorCount} cores, client and server in one process."));
    Line(string.Empty);
    Line("| load | calls/s | ok | failed | p50 ms | p99 ms | max ms |");
    Line("|---|---:|---:|---:|---:|---:|---:|");
    foreach (var result in results)
    {
        var (p50, p99, max) = result.Latencies.Summary();
        Line(F($"| {result.Name} | {result.PerSecond:F0} | {result.Succeeded:N0} | {result.Failed:N0} | {p50:F1} | {p99:F1} | {max:F1} |"));
    }

    foreach (var (failure, count) in rest.Failures.OrderByDescending(f => f.Value))
    {
        Line(F($"- unexpected answer ×{count}: {failure}"));
    }

    Line(string.Empty);
    Line(F($"Transitions/s vs create-engagement/s: x{results[0].PerSecond / results[1].PerSecond:F2}."));
    var (qp50, qp99, qmax) = performance.Summary();
    var expectedQualified = (long)options.Days * options.PerMapDay;
    Line(F($"Action-map performance: {options.Maps:N0} maps x {options.Days} days ({seeded:N0} actions, seeded in {seeding.TotalSeconds:F0} s through gRPC); {options.Queries} sequential REST calls for random maps over the whole range after {options.Warmup} warm-up: p50 {qp50:F2} ms, p99 {qp99:F2} ms, max {qmax:F2} ms. Acceptance p99 < 20 ms: {(qp99 < 20 ? "PASS" : "FAIL")}."));
    Line(F($"Check, first map: qualified {check.Qualified} (expected {expectedQualified}), offered {check.Offered}, accepted {check.Accepted}, rejected {check.Rejected}, blocked {check.Blocked}, offered {check.OfferedPercent}%, accepted {check.AcceptedPercent}%."));
    if (options.Output is not null)
    {
        await File.WriteAllTextAsync(options.Output, report.ToString());
    }

    return qp99 < 20 && check.Qualified == expectedQualified && results.All(r => r.Failed == 0) ? 0 : 1;
}
finally
{
    try
    {
        Directory.Delete(directory, recursive: true);
    }
    catch (IOException)
    {
        // Best effort: the temp folder is the OS's to clean.
    }
}
