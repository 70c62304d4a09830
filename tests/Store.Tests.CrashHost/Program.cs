using System.Net;
using Grpc.Core;
using JourneyGrpc.Store;
using JourneyGrpc.Store.Tests.CrashHost;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// Usage: dotnet JourneyGrpc.Store.Tests.CrashHost.dll --Store:SqlitePath=<file>
//        dotnet JourneyGrpc.Store.Tests.CrashHost.dll --Store:Provider=postgres --Store:PostgresConnectionString=<cs>
// Listens on a free loopback port (h2c) and prints "LISTENING <url>" once the store is open.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
builder.Services.AddGrpc();
builder.Services.AddJourneyStore(builder.Configuration);

var app = builder.Build();
app.MapGrpcService<StoreTestServiceImpl>();
await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
Console.WriteLine("LISTENING " + address);
await app.WaitForShutdownAsync();
