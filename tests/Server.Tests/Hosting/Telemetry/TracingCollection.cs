using Xunit;

namespace JourneyGrpc.Server.Tests.Hosting.Telemetry;

/// <summary>
/// The tracing tests run alone: an OpenTelemetry tracer provider listens to its sources process-wide, so spans of
/// other tests' servers running at the same time would land in the trace under test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TracingCollection
{
    public const string Name = "Tracing";
}
