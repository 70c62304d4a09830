using JourneyGrpc.Conformance.Tests.Infrastructure;

namespace JourneyGrpc.Conformance.Tests.Security;

/// <summary>
/// The access rules against a live TLS server, by clients nobody here wrote: Debian's grpcio (gRPC over TLS, no
/// local .proto) and curl (REST over HTTP/1.1 and HTTP/2 by ALPN on the same port).
/// </summary>
public sealed class SecuredTlsConformanceTests(SecuredTlsServer server) : IClassFixture<SecuredTlsServer>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Grpcio_OverTls_EveryCallerGetsItsStatus()
    {
        var result = await RunAsync("/usr/bin/python3", [Path.Combine(RepositoryPaths.ConformanceClients, "python", "secured_tls_client.py"), "--target", $"127.0.0.1:{server.Port}", "--ca", server.CertificatePath]);

        Assert.True(result.ExitCode == 0 && result.StandardOutput.Contains("7 passed, 0 failed", StringComparison.Ordinal), result.ToString());
    }

    [Fact]
    public async Task Curl_OverTls_EveryCallerGetsItsStatus()
    {
        var result = await RunAsync("bash", [Path.Combine(RepositoryPaths.ConformanceClients, "curl", "secured_tls_rest.sh"), $"https://127.0.0.1:{server.Port}", server.CertificatePath]);

        Assert.True(result.ExitCode == 0 && result.StandardOutput.Contains("6 passed, 0 failed", StringComparison.Ordinal), result.ToString());
    }

    private Task<ProcessResult> RunAsync(string fileName, string[] arguments)
    {
        var tokens = new Dictionary<string, string>
        {
            ["TOKEN_ADMIN"] = server.Credentials.Token("ABCDEF", ["Account Administrator"]),
            ["TOKEN_AGENT"] = server.Credentials.Token("ABCDEF", ["Agent"]),
            ["TOKEN_EXPIRED"] = server.Credentials.Token("ABCDEF", ["Account Administrator"], TimeSpan.FromMinutes(-5)),
            ["TOKEN_OTHER_ACCOUNT"] = server.Credentials.Token("OTHERS", ["Account Administrator"]),
        };
        return ExternalProcess.RunAsync(fileName, arguments, RepositoryPaths.Root, Timeout, tokens);
    }
}
