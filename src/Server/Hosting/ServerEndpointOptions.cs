namespace JourneyGrpc.Server.Hosting;

/// <summary>Where the server listens; bound from configuration section <c>Server</c>.</summary>
internal sealed class ServerEndpointOptions
{
    internal const string SectionName = "Server";

    /// <summary>The gRPC endpoint. Defaults to http://127.0.0.1:50051 (h2c, loopback).</summary>
    public string GrpcUrl { get; set; } = "http://127.0.0.1:50051";

    /// <summary>The REST gateway endpoint (HTTP/1.1, in-process transcoding). Defaults to http://127.0.0.1:8080; empty turns REST off.</summary>
    public string RestUrl { get; set; } = "http://127.0.0.1:8080";

    /// <summary>
    /// The TLS certificate for an https:// URL: a PEM certificate (with <see cref="CertificateKeyPath"/>) or a
    /// PKCS#12 file (.pfx / .p12, with <see cref="CertificatePassword"/> when it has one).
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key of <see cref="CertificatePath"/>.</summary>
    public string? CertificateKeyPath { get; set; }

    /// <summary>The password of a PKCS#12 certificate or of an encrypted PEM key.</summary>
    public string? CertificatePassword { get; set; }
}
