namespace JourneyGrpc.Gateway.Tests.Infrastructure;

/// <summary>The two ways the gateway runs; functional tests run every case in both.</summary>
public enum HostingMode
{
    /// <summary>Hosted by the gRPC server on a second port, calling handlers in-process.</summary>
    InProcess,

    /// <summary>Standalone (src/Gateway.Host), forwarding over h2c with Grpc.Net.Client.</summary>
    Forwarding,
}
