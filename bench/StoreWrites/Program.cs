using JourneyGrpc.Bench.StoreWrites;
using JourneyGrpc.Store;
using JourneyGrpc.Store.Tests.Infrastructure;
using Npgsql;
using static System.FormattableString;

// Durable writes/s through IJourneyStore, group commit vs one transaction per write, on SQLite
// (WAL, synchronous=FULL), LiteDB (log fsynced after each commit by the provider) and PostgreSQL
// (fsync=on, synchronous_commit=on; a throwaway cluster).
// Rounds alternate the cells so drift hits all of them; each cell reports the median round.
// Prints one "RESULT ..." line per run and a markdown report.
var options = BenchOptions.Parse(args);
Directory.CreateDirectory(options.Folder);
var cluster = options.Providers.Contains("postgres") ? await PostgresCluster.StartAsync() : null;
var runs = new List<(int Round, string Provider, bool Group, double Rate, double PerCommit, double Busy, double Own, string Durability)>();
try
{
    if (cluster is not null)
    {
        Console.WriteLine($"PostgreSQL {cluster.Version} on 127.0.0.1:{cluster.Port} (throwaway cluster)");
    }

    for (var round = 1; round <= options.Rounds; round++)
    {
        foreach (var provider in options.Providers)
        {
            foreach (var groupCommit in round % 2 == 1 ? new[] { true, false } : [false, true])
            {
                var label = $"{provider}_{(groupCommit ? "group" : "single")}_{round}";
                var storeOptions = provider switch
                {
                    "postgres" => new JourneyStoreOptions { Provider = "postgres", PostgresConnectionString = await cluster!.CreateDatabaseAsync(label), GroupCommit = groupCommit },
                    "litedb" => new JourneyStoreOptions { Provider = "litedb", LiteDbPath = Path.Combine(options.Folder, $"{label}-{Environment.ProcessId}.litedb"), GroupCommit = groupCommit },
                    _ => new JourneyStoreOptions { SqlitePath = Path.Combine(options.Folder, $"{label}-{Environment.ProcessId}.db"), GroupCommit = groupCommit },
                };
                await using (var store = await JourneyStore.OpenAsync(storeOptions))
                {
                    var durability = await DescribeDurabilityAsync(storeOptions);
                    var waited = await MachineLoad.WaitQuietAsync(options.QuietMax, options.QuietWait);
                    var load = new MachineLoad();
                    var (writes, seconds, commits) = await WriteLoad.RunAsync(store, options, label);
                    var (busy, own) = load.Stop();
                    var rate = writes / seconds;
                    var perCommit = commits == 0 ? 0 : (double)writes / commits;
                    runs.Add((round, provider, groupCommit, rate, perCommit, busy, own, durability));
                    Console.WriteLine(Invariant($"RESULT round={round} provider={provider} group_commit={groupCommit} writers={options.Writers} writes={writes} seconds={seconds:F2} writes_per_s={rate:F0} commits={commits} writes_per_commit={perCommit:F1} machine_busy_pct={busy:F0} bench_process_pct={own:F0} waited_quiet_s={waited}"));
                }

                if (provider == "sqlite")
                {
                    foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
                    {
                        File.Delete(storeOptions.SqlitePath + suffix);
                    }
                }
                else if (provider == "litedb")
                {
                    File.Delete(storeOptions.LiteDbPath);
                    File.Delete(Path.ChangeExtension(storeOptions.LiteDbPath, null) + "-log.litedb");
                }
            }
        }
    }
}
finally
{
    if (cluster is not null)
    {
        await cluster.DisposeAsync();
    }
}

Console.WriteLine();
Console.WriteLine(Invariant($"{options.Writers} concurrent writers (closed loop, in the benchmark process), {options.Duration.TotalSeconds:F0} s measured after {options.Warmup.TotalSeconds:F0} s warm-up per run, {options.Rounds} rounds; a write = insert of one small message with 2 index entries, acknowledged after commit."));
Console.WriteLine();
Console.WriteLine("| store | mode | durable writes/s (median) | rounds | writes per commit | durability |");
Console.WriteLine("|---|---|---:|---|---:|---|");
var ratios = new List<string>();
foreach (var provider in options.Providers)
{
    var medians = new Dictionary<bool, double>();
    foreach (var groupCommit in new[] { true, false })
    {
        var cell = runs.Where(r => r.Provider == provider && r.Group == groupCommit).ToList();
        var median = cell.Select(r => r.Rate).Order().ElementAt(cell.Count / 2);
        medians[groupCommit] = median;
        var rounds = string.Join(", ", cell.Select(r => Invariant($"{r.Rate:F0}")));
        Console.WriteLine(Invariant($"| {provider} | {(groupCommit ? "group commit" : "one transaction per write")} | {median:F0} | {rounds} | {cell.Average(r => r.PerCommit):F1} | {cell[0].Durability} |"));
    }

    var perRound = Enumerable.Range(1, options.Rounds).Select(round =>
    {
        var group = runs.Single(r => r.Provider == provider && r.Group && r.Round == round);
        var single = runs.Single(r => r.Provider == provider && !r.Group && r.Round == round);
        return Invariant($"{group.Rate / single.Rate:F1}x (busy {Math.Max(group.Busy, single.Busy):F0}%)");
    });
    ratios.Add(Invariant($"{provider}: group commit / one transaction per write = {medians[true] / medians[false]:F1}x (medians); per round {string.Join(", ", perRound)}"));
}

Console.WriteLine();
ratios.ForEach(line => Console.WriteLine("- " + line));
Console.WriteLine(Invariant($"- machine busy during runs: {runs.Min(r => r.Busy):F0}-{runs.Max(r => r.Busy):F0}% of {Environment.ProcessorCount} cores, of which the benchmark process {runs.Min(r => r.Own):F0}-{runs.Max(r => r.Own):F0}% (PostgreSQL's own processes count as other)"));
return 0;

static async Task<string> DescribeDurabilityAsync(JourneyStoreOptions options)
{
    if (options.Provider == "postgres")
    {
        await using var connection = new NpgsqlConnection(options.PostgresConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT 'fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit') || ', wal_sync_method=' || current_setting('wal_sync_method')", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    if (options.Provider == "litedb")
    {
        var liteFolder = Path.GetDirectoryName(Path.GetFullPath(options.LiteDbPath))!;
        return $"LiteDB 5.0.21, log fsynced after each commit ({new DriveInfo(liteFolder).DriveFormat} at {liteFolder})";
    }

    var folder = Path.GetDirectoryName(Path.GetFullPath(options.SqlitePath))!;
    return $"WAL, synchronous=FULL ({new DriveInfo(folder).DriveFormat} at {folder})";
}
