using System.Collections.Concurrent;
using System.Net.Http.Headers;

namespace JourneyGrpc.Server.Tests.Hosting.Infrastructure;

/// <summary>
/// A channel's HTTP handler that keeps each response's HTTP headers, because Grpc.Net.Client hands a call
/// only the metadata (it leaves out <c>grpc-encoding</c> and other protocol headers).
/// </summary>
internal sealed class ResponseHeaderRecorder() : DelegatingHandler(new SocketsHttpHandler())
{
    internal ConcurrentQueue<HttpResponseHeaders> Responses { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        Responses.Enqueue(response.Headers);
        return response;
    }
}
