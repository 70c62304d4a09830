using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf.WellKnownTypes;
using JourneyGrpc.Rpc.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static JourneyGrpc.Rpc.Tests.Client.ClientWire;

namespace JourneyGrpc.Rpc.Tests.Client;

public sealed class TlsClientTests
{
    private static readonly Method<BytesValue, BytesValue> Echo = TestMethods.Create(MethodType.Unary, "Echo");

    [Fact]
    public async Task AsyncUnaryCall_HttpsAddress_NegotiatesHttp2OverTls()
    {
        // Arrange: Kestrel with a throwaway self-signed certificate, HTTP/1.1 and HTTP/2 offered via ALPN.
        using var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            listen.UseHttps(certificate);
        }));
        await using var app = builder.Build();
        app.MapPost(Echo.FullName, async context =>
        {
            var frame = Assert.Single(await ReadFramesAsync(context.Request));
            context.Response.Headers["x-protocol"] = context.Request.Protocol + " " + context.Request.Scheme;
            await StartAsync(context.Response);
            await WriteAsync(context.Response, RawGrpc.Frame(frame.Payload));
            context.Response.AppendTrailer("grpc-status", "0");
        });
        await app.StartAsync().WaitAsync(MaxWait);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true },
        };
        using var channel = RpcChannel.ForAddress(address, new RpcChannelOptions { HttpHandler = handler, DisposeHttpHandler = true });

        // Act
        using var call = channel.CreateCallInvoker().AsyncUnaryCall(Echo, null, default, Bytes("secure"));
        var response = await call.ResponseAsync.WaitAsync(MaxWait);
        var headers = await call.ResponseHeadersAsync.WaitAsync(MaxWait);
        await app.StopAsync().WaitAsync(MaxWait);

        // Assert
        Assert.StartsWith("https://", address, StringComparison.Ordinal);
        Assert.Equal("secure", response.Value.ToStringUtf8());
        Assert.Equal("HTTP/2 https", headers.GetValue("x-protocol"));
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));

        // Kestrel needs a certificate whose private key it can use: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
    }
}
