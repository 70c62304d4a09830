using System.Diagnostics;

namespace JourneyGrpc.Bench.WritePath;

/// <summary>
/// Runs the load client as a child process against <see cref="WriteHost"/> and measures the server side
/// (this process's CPU time and the store counters) over exactly the client's window, which the client
/// marks on its output.
/// </summary>
internal static class LoadProcess
{
    internal static async Task<CellResult> RunAsync(WriteHost host, BenchOptions options, string target)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            info.ArgumentList.Add(typeof(LoadProcess).Assembly.Location);
        }

        foreach (var argument in options.LoadArguments(target, target == "rest" ? host.Rest : host.Grpc))
        {
            info.ArgumentList.Add(argument);
        }

        using var child = Process.Start(info) ?? throw new InvalidOperationException("the load client did not start");
        var self = Process.GetCurrentProcess();
        TimeSpan cpuStart = default, cpuStop = default;
        StoreCounters? before = null, after = null;
        string? end = null;
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line == "MEASURE start")
            {
                self.Refresh();
                cpuStart = self.TotalProcessorTime;
                before = host.Store.Snapshot();
            }
            else if (line == "MEASURE stop")
            {
                self.Refresh();
                cpuStop = self.TotalProcessorTime;
                after = host.Store.Snapshot();
            }
            else if (line.StartsWith("MEASURE end ", StringComparison.Ordinal))
            {
                end = line;
            }
        }

        await child.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (child.ExitCode != 0 || end is null || before is null || after is null)
        {
            throw new InvalidOperationException($"the {target} load client failed (exit {child.ExitCode})");
        }

        return new CellResult(
            (long)LoadClient.Field(end, "calls"),
            (long)LoadClient.Field(end, "failed"),
            LoadClient.Field(end, "seconds"),
            LoadClient.Field(end, "p50_ms"),
            LoadClient.Field(end, "p99_ms"),
            cpuStop - cpuStart,
            after.Since(before));
    }
}
