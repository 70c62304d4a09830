using System.Diagnostics;
using System.Globalization;
using System.Text;
using JourneyGrpc.Bench.StartEventScale;

// Context Services queries at scale: seed a small tenant, measure, grow it tenfold, measure again.
//   dotnet run -c Release --project bench/StartEventScale -- [--services 100000] [--small-services 10000]
//     [--services-per-customer 10] [--tasks-every 10] [--tasks-per-service 2] [--queries 2000] [--warmup 300]
//     [--seed-concurrency 32] [--budget-seconds 1500] [--output FILE]
var options = ScaleOptions.Parse(args);
using var budget = new CancellationTokenSource(options.Budget);
var directory = Directory.CreateTempSubdirectory("startevent-scale-").FullName;
var report = new StringBuilder();
void Line(string text)
{
    Console.WriteLine(text);
    report.AppendLine(text);
}

var total = Stopwatch.StartNew();
try
{
    await using var host = await StartEventHost.StartAsync(directory);
    var rows = new List<(int Services, string Query, LatencySummary Latency)>();
    var withTasks = new List<long>();
    var seeded = 0;
    foreach (var services in new[] { options.SmallServices, options.LargeServices })
    {
        var (rate, tasked) = await Seeder.SeedAsync(host.Client, seeded, services, options, budget.Token);
        withTasks.AddRange(tasked);
        seeded = services;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {services} services over {services / options.ServicesPerCustomer} customers ({rate:F0} starts/s)"));
        rows.Add((services, "customer services", await LatencyProbe.CustomerServicesAsync(host.Client, services / options.ServicesPerCustomer, options.ServicesPerCustomer, options, 1, budget.Token)));
        rows.Add((services, "tasks", await LatencyProbe.TasksAsync(host.Client, withTasks, options, 2, budget.Token)));
    }

    var size = new FileInfo(host.DatabasePath).Length + (File.Exists(host.DatabasePath + "-wal") ? new FileInfo(host.DatabasePath + "-wal").Length : 0);
    Line(string.Create(CultureInfo.InvariantCulture, $"Context Services queries, {options.Queries} sequential calls per row after {options.Warmup} warm-up calls, random keys; {options.ServicesPerCustomer} services per customer, {options.TasksPerService} tasks on every {options.TasksEvery}th service; gRPC over loopback h2c, SQLite store ({size / (1024 * 1024)} MiB); {Environment.ProcessorCount} cores."));
    Line(string.Empty);
    Line("| services | customers | query | p50 ms | p90 ms | p99 ms | max ms | mean ms |");
    Line("|---:|---:|---|---:|---:|---:|---:|---:|");
    foreach (var (services, query, latency) in rows)
    {
        Line(string.Create(CultureInfo.InvariantCulture, $"| {services:N0} | {services / options.ServicesPerCustomer:N0} | {query} | {latency.P50:F2} | {latency.P90:F2} | {latency.P99:F2} | {latency.Max:F2} | {latency.Mean:F2} |"));
    }

    var pass = rows[2].Latency.P99 < 20 && rows[3].Latency.P99 < 20;
    Line(string.Empty);
    Line(string.Create(CultureInfo.InvariantCulture, $"{options.LargeServices:N0} vs {options.SmallServices:N0} services: customer services p50 x{rows[2].Latency.P50 / rows[0].Latency.P50:F2}, p99 x{rows[2].Latency.P99 / rows[0].Latency.P99:F2}; tasks p50 x{rows[3].Latency.P50 / rows[1].Latency.P50:F2}, p99 x{rows[3].Latency.P99 / rows[1].Latency.P99:F2}. Acceptance: p99 < 20 ms at {options.LargeServices:N0} services: {(pass ? "PASS" : "FAIL")}."));
    Line(string.Create(CultureInfo.InvariantCulture, $"Total run {total.Elapsed.TotalSeconds:F0} s."));
    if (options.Output is not null)
    {
        await File.WriteAllTextAsync(options.Output, report.ToString());
    }

    return pass ? 0 : 1;
}
catch (OperationCanceledException) when (budget.IsCancellationRequested)
{
    Console.Error.WriteLine($"startevent-scale: stopped at the {options.Budget.TotalSeconds:F0} s budget.");
    return 3;
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
