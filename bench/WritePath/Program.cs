using System.Text;
using JourneyGrpc.Bench.WritePath;
using JourneyGrpc.Store;
using static System.FormattableString;

// run (default): per round and store, interleaved, the ceiling (the create's exact batch straight to the
// store), CreateEngagement over gRPC and over the in-process REST gateway, the load client in its own
// process; prints one RESULT line per cell and a markdown report. load: the load client itself.
if (args.Length > 0 && args[0] == "load")
{
    return await LoadClient.RunAsync(BenchOptions.Parse(args[1..]));
}

var options = BenchOptions.Parse(args);
Directory.CreateDirectory(options.Folder);
var cells = new List<(int Round, string Provider, string Cell, CellResult Result)>();
var order = new[] { "ceiling", "grpc", "rest" };
for (var round = 1; round <= options.Rounds; round++)
{
    foreach (var provider in options.Providers)
    {
        var files = new List<string>();
        string Database(string name)
        {
            var path = Path.Combine(options.Folder, Invariant($"{name}-{provider}-{round}-{Environment.ProcessId}.db"));
            files.Add(path);
            return path;
        }

        var serverSettings = Settings(provider, Database("server"));
        await using (var host = await WriteHost.StartAsync(serverSettings))
        {
            // Rotated per round so drift on the shared machine hits every cell alike.
            foreach (var cell in order.Skip((round - 1) % order.Length).Concat(order.Take((round - 1) % order.Length)))
            {
                CellResult result;
                if (cell == "ceiling")
                {
                    var storeOptions = StoreOptions(Settings(provider, Database("ceiling")));
                    await using var store = await JourneyStore.OpenAsync(storeOptions);
                    result = await CeilingLoad.RunAsync(store, options);
                }
                else
                {
                    result = await LoadProcess.RunAsync(host, options, cell);
                }

                cells.Add((round, provider, cell, result));
                var s = result.Store;
                Console.WriteLine(Invariant(
                    $"RESULT round={round} provider={provider} cell={cell} concurrency={options.Concurrency} calls={result.Calls} failed={result.Failed} per_s={result.Rate:F0} p50_ms={result.P50Ms:F2} p99_ms={result.P99Ms:F2} server_cpu_us_per_call={result.CpuMicrosPerCall:F0} reads_per_call={result.PerCall(s.Reads):F2} batches_per_call={result.PerCall(s.Writes):F2} records_per_call={result.PerCall(s.Records):F2} conflicts_per_call={result.PerCall(s.Conflicts):F3} read_wait_ms_per_call={result.PerCall((long)(s.ReadTime.TotalMicroseconds)) / 1000:F2} write_wait_ms_per_call={result.PerCall((long)s.WriteTime.TotalMicroseconds) / 1000:F2}"));
            }
        }

        foreach (var file in files)
        {
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-log" })
            {
                File.Delete(file + suffix);
            }

            File.Delete(Path.ChangeExtension(file, null) + "-log.db");
        }
    }
}

var report = Report(cells, options);
Console.WriteLine();
Console.WriteLine(report);
if (options.Output is { } output)
{
    await File.WriteAllTextAsync(output, report);
}

return 0;

static Dictionary<string, string?> Settings(string provider, string path) => provider == "litedb"
    ? new() { ["Store:Provider"] = "litedb", ["Store:LiteDbPath"] = path }
    : new() { ["Store:Provider"] = "sqlite", ["Store:SqlitePath"] = path };

static JourneyStoreOptions StoreOptions(Dictionary<string, string?> settings) => settings["Store:Provider"] == "litedb"
    ? new JourneyStoreOptions { Provider = JourneyStoreOptions.LiteDb, LiteDbPath = settings["Store:LiteDbPath"]! }
    : new JourneyStoreOptions { Provider = JourneyStoreOptions.Sqlite, SqlitePath = settings["Store:SqlitePath"]! };

static string Report(List<(int Round, string Provider, string Cell, CellResult Result)> cells, BenchOptions options)
{
    static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    var text = new StringBuilder();
    text.AppendLine(Invariant($"{options.Concurrency} concurrent callers (closed loop), {options.Duration.TotalSeconds:F0} s measured after {options.Warmup.TotalSeconds:F0} s warm-up per cell, {options.Rounds} rounds, cells interleaved (order rotated per round). A create = a new customer: engagement + e-mail + phone + one channel. Ceiling = that create's exact batch written straight to the store (same concurrency, no read, no RPC), in batches/s. Medians over rounds; store figures per call from a counting IJourneyStore around the product's store."));
    text.AppendLine();
    text.AppendLine("| store | path | per s | p50 ms | p99 ms | server CPU µs/call | reads/call | batches/call | records/call | conflicts/call | read wait ms/call | write wait ms/call | failed |");
    text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var provider in options.Providers)
    {
        foreach (var cell in new[] { "ceiling", "grpc", "rest" })
        {
            var rows = cells.Where(c => c.Provider == provider && c.Cell == cell).Select(c => c.Result).ToList();
            double M(Func<CellResult, double> f) => Median(rows.Select(f));
            text.AppendLine(Invariant(
                $"| {provider} | {cell} | {M(r => r.Rate):F0} | {M(r => r.P50Ms):F2} | {M(r => r.P99Ms):F2} | {M(r => r.CpuMicrosPerCall):F0} | {M(r => r.PerCall(r.Store.Reads)):F2} | {M(r => r.PerCall(r.Store.Writes)):F2} | {M(r => r.PerCall(r.Store.Records)):F2} | {M(r => r.PerCall(r.Store.Conflicts)):F3} | {M(r => r.PerCall((long)r.Store.ReadTime.TotalMicroseconds) / 1000):F2} | {M(r => r.PerCall((long)r.Store.WriteTime.TotalMicroseconds) / 1000):F2} | {rows.Sum(r => r.Failed)} |"));
        }
    }

    text.AppendLine();
    foreach (var provider in options.Providers)
    {
        var perRound = Enumerable.Range(1, options.Rounds).Select(round =>
        {
            double Rate(string cell) => cells.Single(c => c.Round == round && c.Provider == provider && c.Cell == cell).Result.Rate;
            return (Grpc: Rate("grpc") / Rate("ceiling"), Gateway: Rate("rest") / Rate("grpc"));
        }).ToList();
        var grpc = Median(perRound.Select(r => r.Grpc));
        var rest = Median(perRound.Select(r => r.Gateway));
        text.AppendLine(Invariant(
            $"- {provider}: gRPC create / ceiling = {grpc:F2} (needs >= 0.50: {(grpc >= 0.5 ? "met" : "NOT met")}; rounds {string.Join(", ", perRound.Select(r => r.Grpc.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))}); REST / gRPC = {rest:F2} (needs >= 0.80: {(rest >= 0.8 ? "met" : "NOT met")}; rounds {string.Join(", ", perRound.Select(r => r.Gateway.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))})"));
    }

    return text.ToString();
}
