using System.Diagnostics;
using OpenTelemetry;

namespace JourneyGrpc.Server.Tests.Hosting.Telemetry;

/// <summary>Completes when <paramref name="count"/> spans of <see cref="SourceName"/> have ended: a request's root span ends last.</summary>
internal sealed class SpanEndSignal(string sourceName, int count = 1) : BaseProcessor<Activity>
{
    private int _ended;

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal string SourceName { get; } = sourceName;

    internal Task Ended => _done.Task;

    public override void OnEnd(Activity data)
    {
        if (data.Source.Name == SourceName && Interlocked.Increment(ref _ended) >= count)
        {
            _done.TrySetResult();
        }
    }
}
