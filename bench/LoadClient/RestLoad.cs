using System.Diagnostics;
using System.Net;
using System.Text;
using static System.FormattableString;

namespace JourneyGrpc.Bench.LoadClient;

/// <summary>
/// The same unary <c>Echo</c> as <see cref="UnaryLoad"/>, through the REST gateway: JSON over
/// HTTP/1.1 (<c>POST /v1/echo</c>, the method's google.api.http rule), one connection per
/// concurrent worker as HTTP/1.1 clients do. Requests/s and p50/p99 over the measured window.
/// </summary>
internal static class RestLoad
{
    private const string EchoPath = "/v1/echo";

    public static async Task<int> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan, UseCookies = false, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = options.Address, DefaultRequestVersion = HttpVersion.Version11, Timeout = TimeSpan.FromSeconds(30) };
        var payload = Convert.ToBase64String(Payloads.Create(options.PayloadSize).ToByteArray());
        var body = Encoding.UTF8.GetBytes("{\"payload\":\"" + payload + "\"}");

        // One call first so that a dead gateway or a wrong route fails fast and loudly.
        var probe = await SendAsync(client, body, cancellationToken).ConfigureAwait(false);
        if (probe != "{\"payload\":\"" + payload + "\"}")
        {
            Console.Error.WriteLine("probe call: unexpected response " + probe);
            return 1;
        }

        return await ClosedLoopRun.RunAsync(
            options,
            (_, phase) => WorkerAsync(client, body, probe, phase, cancellationToken),
            Invariant($"REST POST {EchoPath}, payload {options.PayloadSize} B, concurrency {options.Concurrency} (HTTP/1.1 connections)"),
            Invariant($"mode=rest payload={options.PayloadSize} concurrency={options.Concurrency} connections={options.Concurrency}"),
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task<UnaryWorkerResult> WorkerAsync(HttpClient client, byte[] body, string expected, LoadPhase phase, CancellationToken cancellationToken)
    {
        var latencies = new List<long>(capacity: 1 << 16);
        long errors = 0;
        string? firstError = null;
        while (phase.Value != LoadPhase.Stopped && !cancellationToken.IsCancellationRequested)
        {
            var measuring = phase.Value == LoadPhase.Measuring;
            var start = Stopwatch.GetTimestamp();
            try
            {
                var response = await SendAsync(client, body, cancellationToken).ConfigureAwait(false);
                if (response != expected)
                {
                    throw new InvalidDataException("unexpected response " + response);
                }

                if (measuring && phase.Value == LoadPhase.Measuring)
                {
                    latencies.Add(Stopwatch.GetTimestamp() - start);
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                errors++;
                firstError ??= e.GetType().Name + ": " + e.Message;
            }
        }

        return new UnaryWorkerResult(latencies, errors, firstError);
    }

    private static async Task<string> SendAsync(HttpClient client, byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var response = await client.PostAsync(EchoPath, content, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.OK ? text : Invariant($"HTTP {(int)response.StatusCode}: {text}");
    }
}
