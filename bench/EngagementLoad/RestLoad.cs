using System.Diagnostics;
using System.Net;
using System.Text;

namespace JourneyGrpc.Bench.EngagementLoad;

/// <summary>
/// Runs <c>concurrency</c> independent flows against the REST gateway for a fixed time, each flow a loop of
/// POSTs; every POST is timed (queueing for one of the pooled connections included) and counted.
/// </summary>
internal sealed class RestLoad(Uri baseAddress, int connections) : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(120) };

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _failures = new(StringComparer.Ordinal);

    /// <summary>One POST; true when the status is <paramref name="expected"/>. The body is read either way.</summary>
    internal async Task<(bool Ok, string Body)> PostAsync(string path, HttpContent content, HttpStatusCode expected, Latencies latencies)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _client.PostAsync(path, content);
            var body = await response.Content.ReadAsStringAsync();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (response.StatusCode != expected)
            {
                _failures.AddOrUpdate($"{(int)response.StatusCode} {FirstWords(body)}", 1, (_, n) => n + 1);
            }

            return (response.StatusCode == expected, body);
        }
        catch (HttpRequestException ex)
        {
            return (false, ex.Message);
        }
        catch (TaskCanceledException ex)
        {
            return (false, ex.Message);
        }
    }

    /// <summary>Unexpected answers by status and the start of their message, e.g. "409 Web action …: cannot change from EXPIRED".</summary>
    internal IReadOnlyDictionary<string, int> Failures => _failures;

    private static string FirstWords(string body)
    {
        var message = body.Contains("\"message\":\"", StringComparison.Ordinal) ? body[(body.IndexOf("\"message\":\"", StringComparison.Ordinal) + 11)..] : body;
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        var text = colon > 0 && colon + 40 < message.Length ? message[(colon + 2)..] : message;
        return text.Length > 40 ? text[..40] : text;
    }

    internal async Task<string> GetAsync(string path, Latencies latencies)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await _client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        response.EnsureSuccessStatusCode();
        return body;
    }

    internal static HttpContent Json(string json) => new StringContent(json, Encoding.UTF8, "application/json");

    /// <summary>Runs <paramref name="flow"/> on <paramref name="concurrency"/> tasks until <paramref name="duration"/> has passed; returns the elapsed time.</summary>
    internal static async Task<TimeSpan> RunAsync(int concurrency, TimeSpan duration, Func<int, CancellationToken, Task> flow)
    {
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await flow(i, stop.Token);
            }
        })));
        return clock.Elapsed;
    }

    public void Dispose() => _client.Dispose();
}
