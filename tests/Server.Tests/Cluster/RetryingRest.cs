using System.Net;
using System.Text;

namespace JourneyGrpc.Server.Tests.Cluster;

/// <summary>
/// A REST client of the gateway that retries what a load balancer's client retries: the same request
/// again on 502, 503 or 504 (an upstream gone or not reachable), until it gets another answer.
/// </summary>
internal sealed class RetryingRest(HttpClient client)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private int _retries;

    /// <summary>How many attempts were answered 502/503/504 and sent again.</summary>
    internal int Retries => Volatile.Read(ref _retries);

    internal Task<(HttpStatusCode Status, string Body)> PostJsonAsync(string path, string json, CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") }, cancellationToken);

    internal Task<(HttpStatusCode Status, string Body)> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        while (true)
        {
            using var request = create();
            using var response = await client.SendAsync(request, patience.Token);
            var body = await response.Content.ReadAsStringAsync(patience.Token);
            if (response.StatusCode is not (HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout))
            {
                return (response.StatusCode, body);
            }

            Interlocked.Increment(ref _retries);
        }
    }
}
