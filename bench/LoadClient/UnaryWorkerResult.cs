namespace JourneyGrpc.Bench.LoadClient;

/// <summary>What one unary worker measured: the latency (Stopwatch ticks) of each call completed while measuring.</summary>
internal sealed record UnaryWorkerResult(List<long> Latencies, long Errors, string? FirstError);
