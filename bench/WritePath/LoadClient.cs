using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Google.Protobuf;
using Grpc.Net.Client;
using JourneyGrpc.Journey.V1;
using static System.FormattableString;

namespace JourneyGrpc.Bench.WritePath;

/// <summary>
/// The load client (its own process, so its CPU is not the server's): <c>concurrency</c> closed-loop
/// callers of CreateEngagement, over gRPC (Grpc.Net.Client, h2c) or over the REST gateway's Avaya URL
/// (HTTP/1.1, JSON, 202). Prints <c>MEASURE start</c> when the window opens and one <c>MEASURE end …</c>
/// line with the window's calls and latency percentiles.
/// </summary>
internal static class LoadClient
{
    internal static async Task<int> RunAsync(BenchOptions options)
    {
        var address = new Uri(options.Address);
        // One handler each: a handler given to GrpcChannel serves only gRPC calls.
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, UseProxy = false } });
        var grpc = new JourneyService.JourneyServiceClient(channel);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, UseProxy = false }) { BaseAddress = address };
        var restPath = $"/api/journey/v1/accounts/{CreateRequests.Account}/engagements";
        var rest = options.Target == "rest";

        var latencies = new List<double>[options.Concurrency];
        long failed = 0;
        var reported = 0;
        var measuring = 0;
        var stop = 0;
        var workers = Enumerable.Range(0, options.Concurrency).Select(worker => Task.Run(async () =>
        {
            var own = latencies[worker] = [];
            while (Volatile.Read(ref stop) == 0)
            {
                var request = CreateRequests.New();
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    if (rest)
                    {
                        using var content = new StringContent(JsonFormatter.Default.Format(request), Encoding.UTF8, "application/json");
                        using var response = await http.PostAsync(restPath, content).ConfigureAwait(false);
                        ok = response.StatusCode == HttpStatusCode.Accepted;
                        if (!ok && Interlocked.Exchange(ref reported, 1) == 0)
                        {
                            await Console.Error.WriteLineAsync($"REST create answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}").ConfigureAwait(false);
                        }
                    }
                    else
                    {
                        await grpc.CreateEngagementAsync(request).ResponseAsync.ConfigureAwait(false);
                        ok = true;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or Grpc.Core.RpcException)
                {
                    ok = false;
                    if (Interlocked.Exchange(ref reported, 1) == 0)
                    {
                        await Console.Error.WriteLineAsync($"{options.Target} create failed: {ex.Message}").ConfigureAwait(false);
                    }
                }

                if (Volatile.Read(ref measuring) == 1)
                {
                    if (ok)
                    {
                        own.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
            }
        })).ToArray();

        await Task.Delay(options.Warmup).ConfigureAwait(false);
        Console.WriteLine("MEASURE start");
        var window = Stopwatch.GetTimestamp();
        Volatile.Write(ref measuring, 1);
        await Task.Delay(options.Duration).ConfigureAwait(false);
        Volatile.Write(ref measuring, 0);
        var seconds = Stopwatch.GetElapsedTime(window).TotalSeconds;
        Console.WriteLine("MEASURE stop");
        Volatile.Write(ref stop, 1);
        await Task.WhenAll(workers).WaitAsync(TimeSpan.FromMinutes(2)).ConfigureAwait(false);
        var all = latencies.SelectMany(l => l).ToList();
        all.Sort();
        Console.WriteLine(Invariant($"MEASURE end calls={all.Count} failed={Interlocked.Read(ref failed)} seconds={seconds:F3} p50_ms={CellResult.Percentile(all, 0.5):F3} p99_ms={CellResult.Percentile(all, 0.99):F3}"));
        return 0;
    }

    /// <summary>The value of <c>key=</c> in a <c>MEASURE end</c> line.</summary>
    internal static double Field(string line, string key)
    {
        var start = line.IndexOf(" " + key + "=", StringComparison.Ordinal) + key.Length + 2;
        var end = line.IndexOf(' ', start);
        return double.Parse(end < 0 ? line[start..] : line[start..end], CultureInfo.InvariantCulture);
    }
}
