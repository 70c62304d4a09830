using JourneyGrpc.Gateway.Tests.Infrastructure;

namespace JourneyGrpc.Gateway.Tests.Functional;

/// <summary>Open in-process streams end with UNAVAILABLE when the host stops, as gRPC streams do.</summary>
public sealed class InProcessShutdownTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(null, "{\"n\":1}\n", "{\"error\":{\"code\":14,\"message\":\"Server is shutting down.\"}}\n")]
    [InlineData("text/event-stream", "data: {\"n\":1}\n", "\nevent: error\ndata: {\"code\":14,\"message\":\"Server is shutting down.\"}\n\n")]
    public async Task Count_OpenStreamWhenTheHostStops_EndsWithUnavailable(string? accept, string first, string rest)
    {
        await using var host = await ProbeHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/probe/count?count=1&hold=true");
        if (accept is not null)
        {
            request.Headers.Add("Accept", accept);
        }

        using var response = await host.Rest.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(Bound);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var firstLine = await reader.ReadLineAsync().WaitAsync(Bound) + "\n";
        var stopping = host.StopAsync();
        var remainder = await reader.ReadToEndAsync().WaitAsync(Bound);
        await stopping;

        Assert.Equal((200, first, rest), ((int)response.StatusCode, firstLine, remainder));
    }
}
