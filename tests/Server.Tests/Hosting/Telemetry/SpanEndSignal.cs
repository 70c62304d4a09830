using System.Diagnostics;
using OpenTelemetry;

namespace JourneyGrpc.Server.Tests.Hosting.Telemetry;

/// <summary>Completes when a span of <see cref="SourceName"/> ends: the request's root span, which ends last.</summary>
internal sealed class SpanEndSignal(string sourceName) : BaseProcessor<Activity>
{
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal string SourceName { get; } = sourceName;

    internal Task Ended => _ended.Task;

    public override void OnEnd(Activity data)
    {
        if (data.Source.Name == SourceName)
        {
            _ended.TrySetResult();
        }
    }
}
