using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace JourneyGrpc.Bench.ReplicaLoad;

/// <summary>
/// Closed-loop REST load on the journey service: each worker sends its next request when the last one is
/// answered. Creates are new engagements (a fresh id each) of 100 customers; searches look one customer up
/// by e-mail, newest first, one page.
/// </summary>
internal static class JourneyRestLoad
{
    private const string Account = "REPLIC";
    private const int Customers = 100;

    internal static async Task<(long Ok, long Failed, TimeSpan Elapsed)> RunAsync(string mode, Uri gateway, TimeSpan duration, int concurrency)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(30) };
        long ok = 0, failed = 0;
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            for (var i = 0; stopwatch.Elapsed < duration; i++)
            {
                var customer = ((worker * 7919) + i) % Customers;
                var (path, body, expected) = mode == "create"
                    ? ($"/api/journey/v1/accounts/{Account}/engagements", Engagement(customer, i), HttpStatusCode.Accepted)
                    : ($"/api/journey/v1/accounts/{Account}/journeys:search?pageSize=10", Search(customer), HttpStatusCode.OK);
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
                _ = await response.Content.ReadAsByteArrayAsync();
                Interlocked.Increment(ref response.StatusCode == expected ? ref ok : ref failed);
            }
        });
        await Task.WhenAll(workers);
        return (ok, failed, stopwatch.Elapsed);
    }

    private static string Engagement(int customer, int index) => string.Create(
        CultureInfo.InvariantCulture,
        $$$"""{"id":"{{{Guid.NewGuid()}}}","startDate":"2026-01-01T{{{index / 3600 % 24:D2}}}:{{{index / 60 % 60:D2}}}:{{{index % 60:D2}}}Z","identifiers":{"emailAddresses":["customer-{{{customer}}}@example.org"]},"channels":[{"id":"Voice","type":"VOICE"}]}""");

    private static string Search(int customer) => string.Create(
        CultureInfo.InvariantCulture, $$$"""{"identifiers":{"emailAddresses":["customer-{{{customer}}}@example.org"]}}""");
}
