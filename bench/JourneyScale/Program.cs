using System.Diagnostics;
using System.Globalization;
using System.Text;
using JourneyGrpc.Bench.JourneyScale;

// Journey search at scale: seed a small account, measure, grow it tenfold, measure again.
//   dotnet run -c Release --project bench/JourneyScale -- [--journeys 20000] [--small-journeys 2000]
//     [--engagements-per-journey 5] [--queries 2000] [--warmup 300] [--seed-concurrency 32] [--budget-seconds 1500] [--output FILE]
//     [--provider sqlite|litedb|postgres]   (postgres: a throwaway cluster, as in the store tests)
var options = ScaleOptions.Parse(args);
using var budget = new CancellationTokenSource(options.Budget);
var directory = Directory.CreateTempSubdirectory("journey-scale-").FullName;
var report = new StringBuilder();
void Line(string text)
{
    Console.WriteLine(text);
    report.AppendLine(text);
}

var total = Stopwatch.StartNew();
var cluster = options.Provider == "postgres" ? await JourneyGrpc.Store.Tests.Infrastructure.PostgresCluster.StartAsync() : null;
try
{
    var connectionString = cluster is null ? null : await cluster.CreateDatabaseAsync("journey_scale");
    await using var host = await JourneyHost.StartAsync(directory, options.Provider, connectionString);
    var rows = new List<(int Journeys, string Search, LatencySummary Latency)>();
    var seeded = 0;
    foreach (var journeys in new[] { options.SmallJourneys, options.LargeJourneys })
    {
        var rate = await Seeder.SeedAsync(host.Client, seeded, journeys, options.EngagementsPerJourney, options.SeedConcurrency, budget.Token);
        seeded = journeys;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {journeys} journeys / {journeys * options.EngagementsPerJourney} engagements ({rate:F0} creates/s)"));
        rows.Add((journeys, "one e-mail", await LatencyProbe.MeasureAsync(host.Client, Workload.SearchByEmail, journeys, options.EngagementsPerJourney, options.Warmup, options.Queries, 1, budget.Token)));
        rows.Add((journeys, "one phone + channel", await LatencyProbe.MeasureAsync(host.Client, Workload.SearchByPhoneAndChannel, journeys, 0, options.Warmup, options.Queries, 2, budget.Token)));
    }

    var store = options.Provider switch
    {
        "postgres" => $"PostgreSQL store ({cluster!.Version}, throwaway cluster)",
        "litedb" => string.Create(CultureInfo.InvariantCulture, $"LiteDB store ({new FileInfo(host.DatabasePath).Length / (1024 * 1024)} MiB)"),
        _ => string.Create(CultureInfo.InvariantCulture, $"SQLite store ({(new FileInfo(host.DatabasePath).Length + (File.Exists(host.DatabasePath + "-wal") ? new FileInfo(host.DatabasePath + "-wal").Length : 0)) / (1024 * 1024)} MiB)"),
    };
    Line(string.Create(CultureInfo.InvariantCulture, $"Journey search, {options.Queries} sequential SearchJourneys calls per row after {options.Warmup} warm-up calls, random journeys; gRPC over loopback h2c, {store}; {Environment.ProcessorCount} cores."));
    Line(string.Empty);
    Line("| journeys | engagements | search by | p50 ms | p90 ms | p99 ms | max ms | mean ms |");
    Line("|---:|---:|---|---:|---:|---:|---:|---:|");
    foreach (var (journeys, search, latency) in rows)
    {
        Line(string.Create(CultureInfo.InvariantCulture, $"| {journeys:N0} | {journeys * options.EngagementsPerJourney:N0} | {search} | {latency.P50:F2} | {latency.P90:F2} | {latency.P99:F2} | {latency.Max:F2} | {latency.Mean:F2} |"));
    }

    var small = rows[0].Latency;
    var large = rows[2].Latency;
    Line(string.Empty);
    Line(string.Create(CultureInfo.InvariantCulture, $"One e-mail, {options.LargeJourneys:N0} vs {options.SmallJourneys:N0} journeys: p50 x{large.P50 / small.P50:F2}, p99 x{large.P99 / small.P99:F2}. Acceptance: p99 < 20 ms at {options.LargeJourneys:N0} journeys: {(large.P99 < 20 ? "PASS" : "FAIL")}."));
    Line(string.Create(CultureInfo.InvariantCulture, $"Total run {total.Elapsed.TotalSeconds:F0} s."));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SEARCH provider={options.Provider} journeys={options.LargeJourneys} engagements={options.LargeJourneys * options.EngagementsPerJourney} p50_ms={large.P50:F2} p99_ms={large.P99:F2}"));
    if (options.Output is not null)
    {
        await File.WriteAllTextAsync(options.Output, report.ToString());
    }

    return large.P99 < 20 ? 0 : 1;
}
catch (OperationCanceledException) when (budget.IsCancellationRequested)
{
    Console.Error.WriteLine($"journey-scale: stopped at the {options.Budget.TotalSeconds:F0} s budget.");
    return 3;
}
finally
{
    if (cluster is not null)
    {
        await cluster.DisposeAsync();
    }

    try
    {
        Directory.Delete(directory, recursive: true);
    }
    catch (IOException)
    {
        // Best effort: the temp folder is the OS's to clean.
    }
}
