using System.Net;
using Grpc.Net.Client;
using JourneyGrpc.Journey.V1;
using JourneyGrpc.Server.Hosting;
using JourneyGrpc.Server.Tests.Hosting.Infrastructure;
using JourneyGrpc.Tests.Hosting;
using Microsoft.AspNetCore.Builder;

namespace JourneyGrpc.Server.Tests.Hosting.Security;

/// <summary>With a certificate, one TLS port serves gRPC (HTTP/2 by ALPN) and REST (HTTP/1.1); authentication lifts the loopback rule.</summary>
public sealed class TlsTests
{
    [Fact]
    public async Task Start_PemCertificate_OnePortServesGrpcAndRestOverTls()
    {
        using var directory = new TempDirectory();
        var (certificatePath, keyPath, certificate) = TestCertificate.Create(directory);
        var credentials = new TestCredentials();
        await using var app = ServerHost.Build(RunningServer.Arguments(
            directory,
            [.. credentials.Settings, "--Server:GrpcUrl=https://127.0.0.1:0", $"--Server:CertificatePath={certificatePath}", $"--Server:CertificateKeyPath={keyPath}"]));
        await app.StartAsync().WaitAsync(RunningServer.Timeout);
        var address = new Uri(Assert.Single(app.Urls));
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint };
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = false });
        var token = credentials.Token("ABCDEF", ["Account Administrator"]);

        var grpc = await new JourneyService.JourneyServiceClient(channel).ListIdentifierTypesAsync(
            new ListIdentifierTypesRequest { AccountId = "ABCDEF" }, new Grpc.Core.Metadata { { "authorization", $"Bearer {token}" } }, DateTime.UtcNow.AddSeconds(30));
        using var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = address, DefaultRequestVersion = HttpVersion.Version11 };
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using var rest = await http.GetAsync(new Uri("/api/journey/v1/accounts/ABCDEF/identifiers", UriKind.Relative));

        Assert.NotNull(grpc);
        Assert.Equal((HttpStatusCode.OK, new Version(1, 1)), (rest.StatusCode, rest.Version));
        await app.StopAsync().WaitAsync(RunningServer.Timeout);
    }

    [Fact]
    public void Build_NonLoopbackWithAuthentication_Accepted()
    {
        using var directory = new TempDirectory();

        var app = ServerHost.Build(RunningServer.Arguments(directory, [.. new TestCredentials().Settings, "--Server:GrpcUrl=http://0.0.0.0:0"]));

        Assert.NotNull(app);
    }

    [Fact]
    public void Build_HttpsWithoutCertificate_RefusesWithReason()
    {
        using var directory = new TempDirectory();

        var error = Assert.Throws<InvalidOperationException>(() => ServerHost.Build(RunningServer.Arguments(directory, "--Server:GrpcUrl=https://127.0.0.1:0")));

        Assert.Equal("Server:GrpcUrl 'https://127.0.0.1:0': TLS needs a certificate (Server:CertificatePath), which is not configured.", error.Message);
    }
}
