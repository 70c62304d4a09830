namespace JourneyGrpc.Bench.LoadClient;

/// <summary>What one server-streaming call delivered and how long it took.</summary>
internal sealed record StreamRun(long Received, long BadPayloads, double TotalSeconds, double SecondsAfterFirst);
