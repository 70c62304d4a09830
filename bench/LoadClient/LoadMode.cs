namespace JourneyGrpc.Bench.LoadClient;

/// <summary>What the load client measures.</summary>
internal enum LoadMode
{
    /// <summary>Unary <c>Echo</c> calls at a fixed concurrency: requests/s and latency percentiles.</summary>
    Unary,

    /// <summary>One server-streaming <c>EchoStream</c> call: messages/s.</summary>
    Stream,

    /// <summary>Unary <c>Echo</c> through the REST gateway (JSON over HTTP/1.1): requests/s and latency percentiles.</summary>
    Rest,
}
