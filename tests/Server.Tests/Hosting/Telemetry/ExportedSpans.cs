using System.Diagnostics;

namespace JourneyGrpc.Server.Tests.Hosting.Telemetry;

/// <summary>Reads the list an in-memory exporter fills.</summary>
internal static class ExportedSpans
{
    /// <summary>The spans exported so far (the in-memory exporter adds to the list from the exporting thread).</summary>
    internal static List<Activity> Snapshot(List<Activity> spans)
    {
        lock (spans)
        {
            return [.. spans];
        }
    }
}
