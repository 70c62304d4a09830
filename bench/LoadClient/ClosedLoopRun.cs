using System.Diagnostics;
using static System.FormattableString;

namespace JourneyGrpc.Bench.LoadClient;

/// <summary>
/// Runs <c>--concurrency</c> closed-loop workers through warm-up and the measured window, then prints
/// requests/s and p50/p99 over that window (one human line and one <c>RESULT</c> line).
/// </summary>
internal static class ClosedLoopRun
{
    /// <param name="options">Concurrency, warm-up and duration.</param>
    /// <param name="startWorker">Starts worker <c>i</c>; it records latencies while the phase is measuring.</param>
    /// <param name="description">What is measured, for the human line.</param>
    /// <param name="resultFields">The leading <c>key=value</c> fields of the RESULT line.</param>
    /// <returns>0 when no call failed, 1 otherwise.</returns>
    internal static async Task<int> RunAsync(LoadOptions options, Func<int, LoadPhase, Task<UnaryWorkerResult>> startWorker, string description, string resultFields, CancellationToken cancellationToken)
    {
        var phase = new LoadPhase();
        var workers = new Task<UnaryWorkerResult>[options.Concurrency];
        for (var i = 0; i < workers.Length; i++)
        {
            var index = i;
            workers[i] = Task.Run(() => startWorker(index, phase), cancellationToken);
        }

        await Task.Delay(options.Warmup, cancellationToken).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        phase.StartMeasuring();
        await Task.Delay(options.Duration, cancellationToken).ConfigureAwait(false);
        phase.Stop();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var results = await Task.WhenAll(workers).ConfigureAwait(false);

        var latencies = results.SelectMany(result => result.Latencies).ToArray();
        Array.Sort(latencies);
        var errors = results.Sum(result => result.Errors);
        var rps = latencies.Length / seconds;
        var p50 = Milliseconds(Percentile(latencies, 0.50));
        var p99 = Milliseconds(Percentile(latencies, 0.99));

        Console.WriteLine(Invariant($"{description}, {seconds:F1} s measured after {options.Warmup.TotalSeconds:F0} s warm-up"));
        Console.WriteLine(Invariant($"  {latencies.Length} calls, {rps:F0} req/s, p50 {p50:F3} ms, p99 {p99:F3} ms, {errors} errors"));
        var firstError = results.Select(result => result.FirstError).FirstOrDefault(error => error is not null);
        if (firstError is not null)
        {
            Console.WriteLine("  first error: " + firstError);
        }

        Console.WriteLine(Invariant($"RESULT {resultFields} calls={latencies.Length} seconds={seconds:F3} rps={rps:F0} p50_ms={p50:F3} p99_ms={p99:F3} errors={errors}"));
        return errors == 0 ? 0 : 1;
    }

    private static long Percentile(long[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
