using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace JourneyGrpc.Server.Hosting.Telemetry;

/// <summary>
/// Open watch streams and how far they trail their log, per watch type (meter <see cref="MeterName"/>):
/// <c>journeygrpc.watch.open</c> and <c>journeygrpc.watch.lag</c> (the largest lag among that type's open
/// watches, in events). Both are observed only when a reader collects them; a watch costs one dictionary
/// entry while it is open, nothing per event.
/// </summary>
internal static class WatchTelemetry
{
    internal const string MeterName = "JourneyGrpc.Watches";

    /// <summary><c>WatchCampaignStatus</c>.</summary>
    internal const string CampaignStatus = "campaign_status";

    /// <summary><c>WatchWebActions</c> (engagement).</summary>
    internal const string WebActions = "web_actions";

    private static readonly string[] Types = [CampaignStatus, WebActions];
    private static readonly ConcurrentDictionary<OpenWatch, byte> Open = new();
    private static readonly Meter Meter = new(MeterName);

    static WatchTelemetry()
    {
        Meter.CreateObservableUpDownCounter("journeygrpc.watch.open", ObserveOpen, unit: "{watch}", description: "Watch streams open, per watch type.");
        Meter.CreateObservableGauge("journeygrpc.watch.lag", ObserveLag, unit: "{event}", description: "Events the furthest-behind open watch of each type has still to send.");
    }

    /// <summary>Counts a watch until the result is disposed; <paramref name="lag"/> is read only when the metrics are collected.</summary>
    internal static OpenWatch Start(string type, Func<long> lag)
    {
        var watch = new OpenWatch(type, lag);
        Open.TryAdd(watch, 0);
        return watch;
    }

    internal static void Close(OpenWatch watch) => Open.TryRemove(watch, out _);

    private static IEnumerable<Measurement<long>> ObserveOpen()
    {
        foreach (var type in Types)
        {
            yield return new(Open.Keys.Count(w => w.Type == type), new KeyValuePair<string, object?>("watch.type", type));
        }
    }

    private static IEnumerable<Measurement<long>> ObserveLag()
    {
        foreach (var type in Types)
        {
            var lag = Open.Keys.Where(w => w.Type == type).Select(w => w.Lag).DefaultIfEmpty(0).Max();
            yield return new(lag, new KeyValuePair<string, object?>("watch.type", type));
        }
    }
}
