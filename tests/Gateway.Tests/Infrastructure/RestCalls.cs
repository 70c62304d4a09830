using System.Text;

namespace JourneyGrpc.Gateway.Tests.Infrastructure;

/// <summary>Sends one REST request, bounded in time, and reads the response whole.</summary>
public static class RestCalls
{
    public static async Task<RestResponse> SendAsync(this HttpClient client, string method, string url, string? body = null, string? contentType = "application/json", IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        return await SendAsync(client, request, headers);
    }

    /// <summary>Sends <paramref name="body"/> byte for byte, with the Content-Type header exactly as given.</summary>
    public static async Task<RestResponse> SendBytesAsync(this HttpClient client, string method, string url, byte[] body, string contentType)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return await SendAsync(client, request, headers: null);
    }

    private static async Task<RestResponse> SendAsync(HttpClient client, HttpRequestMessage request, IDictionary<string, string>? headers)
    {
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var cts = new CancellationTokenSource(GatewayFixture.Timeout);
        using var response = await client.SendAsync(request, cts.Token);
        var text = await response.Content.ReadAsStringAsync(cts.Token);
        return new RestResponse((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), response.Headers, response.Content.Headers, text);
    }
}
