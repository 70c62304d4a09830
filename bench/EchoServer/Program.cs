using System.Net;
using JourneyGrpc.Bench.EchoServer;
using JourneyGrpc.Gateway;
using JourneyGrpc.Server.Hosting.Grpc;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// "ours" in the unary echo benchmark (bench/unary-echo.sh): journeygrpc.bench.v1.EchoService
// served by Grpc.AspNetCore, on the host set-up every echo peer shares (EchoHost), so ours, plain
// Grpc.AspNetCore and raw Kestrel differ only by what serves the call.
// Usage: JourneyGrpc.Bench.EchoServer --urls http://127.0.0.1:50151 [--rest-url http://127.0.0.1:50161] [--console-log=true]
var builder = EchoHost.CreateBuilder(args);

// --console-log=true (bench/telemetry-echo.sh): the server's own console log, at src/Server/appsettings.json's levels.
// With it on, ASP.NET Core starts an activity for every request (for the log's request scope), traced or not.
if (builder.Configuration.GetValue<bool>("console-log"))
{
    builder.Logging.AddStructuredConsole(builder.Configuration)
        .SetMinimumLevel(LogLevel.Information)
        .AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
}

// The server's own gRPC set-up (src/Server: options from the Rpc section, the call-policy
// interceptor, health, reflection), so the echo service is served as the product's services are.
builder.Services.AddGrpcServer(builder.Configuration);

// --Telemetry:* (bench/telemetry-echo.sh): the server's OpenTelemetry set-up, off unless configured.
builder.Services.AddTelemetry(builder.Configuration, "journeygrpc-bench-echo");

// --rest-url http://127.0.0.1:PORT (bench/gateway.sh): also the in-process REST gateway, HTTP/1.1 on
// its own port, as src/Server hosts it; gRPC then listens on the --urls port through an explicit endpoint.
var restUrl = builder.Configuration["rest-url"];
if (restUrl is not null)
{
    var grpcPort = new Uri(builder.Configuration["urls"] ?? "http://127.0.0.1:50151").Port;
    builder.WebHost.ConfigureKestrel(kestrel =>
    {
        kestrel.Listen(IPAddress.Loopback, grpcPort, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            listen.ExcludeRestGateway();
        });
        kestrel.Listen(IPAddress.Loopback, new Uri(restUrl).Port, listen =>
        {
            listen.Protocols = HttpProtocols.Http1;
            listen.UseRestGatewayOnly();
        });
    });
    builder.Services.AddRestGateway();
}

var app = builder.Build();
app.MapTelemetry();
app.MapGrpcService<EchoServiceImpl>();
app.MapGrpcInfrastructure();

// Last: the gateway exposes the google.api.http routes of the services mapped above.
if (restUrl is not null)
{
    app.MapRestGateway();
}

app.Run();
