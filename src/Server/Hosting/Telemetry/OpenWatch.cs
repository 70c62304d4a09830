namespace JourneyGrpc.Server.Hosting.Telemetry;

/// <summary>One open watch call, counted by <see cref="WatchTelemetry"/> until disposed.</summary>
internal sealed class OpenWatch : IDisposable
{
    private readonly Func<long> _lag;

    internal OpenWatch(string type, Func<long> lag)
    {
        Type = type;
        _lag = lag;
    }

    internal string Type { get; }

    /// <summary>Events committed to the watched log and not yet sent (or skipped by the filter) by this watch.</summary>
    internal long Lag => Math.Max(0, _lag());

    public void Dispose() => WatchTelemetry.Close(this);
}
