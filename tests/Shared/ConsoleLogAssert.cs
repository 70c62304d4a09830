using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace JourneyGrpc.Tests.Shared;

/// <summary>The hosts' console log as README promises it: one JSON object per line, with the JSON formatter's properties.</summary>
internal static partial class ConsoleLogAssert
{
    /// <summary>Parses every line; each must be a JSON object with Timestamp (UTC ISO 8601), EventId, LogLevel, Category, Message and Scopes.</summary>
    internal static IReadOnlyList<JsonElement> JsonLines(IReadOnlyList<string> lines)
    {
        Assert.NotEmpty(lines);
        var entries = new List<JsonElement>(lines.Count);
        foreach (var line in lines)
        {
            JsonElement entry;
            try
            {
                using var document = JsonDocument.Parse(line);
                entry = document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new Xunit.Sdk.XunitException($"Not a JSON line ({ex.Message}): {line}");
            }

            Assert.True(
                entry.ValueKind == JsonValueKind.Object
                && entry.TryGetProperty("Timestamp", out var timestamp) && timestamp.ValueKind == JsonValueKind.String && UtcTimestamp().IsMatch(timestamp.GetString()!)
                && entry.TryGetProperty("EventId", out var eventId) && eventId.ValueKind == JsonValueKind.Number
                && entry.TryGetProperty("LogLevel", out var level) && level.ValueKind == JsonValueKind.String
                && entry.TryGetProperty("Category", out var category) && category.ValueKind == JsonValueKind.String
                && entry.TryGetProperty("Message", out var message) && message.ValueKind == JsonValueKind.String
                && entry.TryGetProperty("Scopes", out var scopes) && scopes.ValueKind == JsonValueKind.Array
                && (!entry.TryGetProperty("Exception", out var exception) || exception.ValueKind == JsonValueKind.String),
                "Not a log entry of the expected shape: " + line);
            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>The entries of one category and event id.</summary>
    internal static IEnumerable<JsonElement> Events(this IEnumerable<JsonElement> entries, string category, int eventId) =>
        entries.Where(e => e.GetProperty("Category").GetString() == category && e.GetProperty("EventId").GetInt32() == eventId);

    /// <summary>The addresses Kestrel reported ("Now listening on: …", Microsoft.Hosting.Lifetime event 14), in listener order.</summary>
    internal static IReadOnlyList<Uri> ListeningAddresses(IEnumerable<JsonElement> entries) =>
        [.. entries.Events("Microsoft.Hosting.Lifetime", 14).Select(e => new Uri(e.GetProperty("State").GetProperty("address").GetString()!))];

    /// <summary>True for the JSON line saying the host started (Microsoft.Hosting.Lifetime "Application started").</summary>
    internal static bool IsStartedLine(string line) =>
        line.Contains("\"Category\":\"Microsoft.Hosting.Lifetime\"", StringComparison.Ordinal) && line.Contains("\"Message\":\"Application started.", StringComparison.Ordinal);

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")]
    private static partial Regex UtcTimestamp();
}
