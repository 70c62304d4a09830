using System.Text;
using System.Text.Json.Nodes;

namespace JourneyGrpc.Server.Tests.WebEngagement.Infrastructure;

/// <summary>The two ways a GWE caller sends a parameter: the documented form field, or the object as a JSON body.</summary>
internal static class RestBodies
{
    internal static HttpContent Form(string field, string json, params (string Name, string Value)[] more) =>
        new FormUrlEncodedContent([new(field, json), .. more.Select(m => new KeyValuePair<string, string>(m.Name, m.Value))]);

    internal static HttpContent Json(string json) => new StringContent(json, Encoding.UTF8, "application/json");

    internal static async Task<(int Status, JsonNode? Body, string? ContentType)> SendAsync(HttpClient client, HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response.Content.Headers.ContentType?.MediaType);
    }

    internal static string Profile(string visitId, string extra = "") =>
        $$"""{"visitID":"{{visitId}}","globalVisitID":"{{Guid.NewGuid():D}}","pageID":"{{Guid.NewGuid():D}}","interactionID":"0001KaDKMA0MKPB1"{{extra}}}""";
}
